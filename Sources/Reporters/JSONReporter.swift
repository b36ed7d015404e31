import Core

/// SPEC §6 `json`: stable and versioned.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        let findings: [OrderedJSON] = report.findings.map { located in
            let finding = located.finding
            return .object([
                ("rule", .string(finding.ruleID)),
                ("severity", .string(finding.severity.rawValue)),
                ("path", .string(context.displayPath(finding.path))),
                ("line", .int(located.start.line)),
                ("column", .int(located.start.column)),
                ("endLine", .int(located.end.line)),
                ("endColumn", .int(located.end.column)),
                ("message", .string(finding.message)),
                ("help", .string(finding.help)),
                ("fingerprint", .string(located.fingerprint)),
            ])
        }
        let document: OrderedJSON = .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("schemalint")), ("version", .string(context.toolVersion))])),
            ("findings", .array(findings)),
            ("summary", .object([
                ("files", .int(report.files.count)),
                ("errors", .int(report.count(.error))),
                ("warnings", .int(report.count(.warning))),
                ("infos", .int(report.count(.info))),
                ("suppressed", .int(report.suppressedCount)),
                ("migrationsJudged", .int(report.migrationsJudged)),
                ("migrationsApplied", .int(report.migrationsApplied)),
            ])),
        ])
        return document.serialized() + "\n"
    }
}
