import Core

/// SPEC §6 `json`: stable and versioned.
public struct JSONReporter: Reporter, Sendable {
    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        String(decoding: renderBytes(report, context), as: UTF8.self)
    }

    public func renderBytes(_ report: Report, _ context: RenderContext) -> [UInt8] {
        // Each finding serialised apart, on all cores (at the depth the findings array's elements have below): one
        // serialisation of a report of thousands of findings was a tenth of a 5,000-statement migration's check.
        let findings: [[UInt8]] = report.findings.concurrentMap { located in
            let finding = located.finding
            let path = context.displayPath(finding.path)
            // The members' text, plus room for the keys, numbers and indentation.
            let capacity = finding.ruleID.utf8.count + path.utf8.count + finding.message.utf8.count + finding.help.utf8.count + 320
            var object = JSONObjectWriter(depth: 2, capacity: capacity)
            object.member("rule", finding.ruleID)
            object.member("severity", finding.severity.rawValue)
            object.member("path", path)
            object.member("line", located.start.line)
            object.member("column", located.start.column)
            object.member("endLine", located.end.line)
            object.member("endColumn", located.end.column)
            object.member("message", finding.message)
            object.member("help", finding.help)
            object.member("fingerprint", located.fingerprint)
            // Only findings that have fixes carry the array, so reports without fixes stay as they were.
            if !located.fixes.isEmpty { object.member("fixes", .array(located.fixes.map { fix($0, context) })) }
            return object.finish()
        }
        let document: OrderedJSON = .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string("schemalint")), ("version", .string(context.toolVersion))])),
            ("findings", .serializedElements(findings)),
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
        var bytes = document.serializedBytes()
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// A fix: its label, whether `check --fix` applies it, and its edits with 1-based lines and columns (Unicode
    /// scalars, like the finding's) and UTF-8 byte offsets.
    private func fix(_ fix: LocatedFix, _ context: RenderContext) -> OrderedJSON {
        .object([
            ("label", .string(fix.label)),
            ("safe", .bool(fix.isSafe)),
            ("edits", .array(fix.edits.map { located in
                .object([
                    ("path", .string(context.displayPath(located.edit.path))),
                    ("line", .int(located.start.line)),
                    ("column", .int(located.start.column)),
                    ("endLine", .int(located.end.line)),
                    ("endColumn", .int(located.end.column)),
                    ("offset", .int(located.edit.range.lowerBound)),
                    ("endOffset", .int(located.edit.range.upperBound)),
                    ("replacement", .string(located.edit.replacement)),
                ])
            })),
        ])
    }
}
