import Core

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules that ran as
/// `tool.driver.rules` (texts from the catalog), one result per finding.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func render(_ report: Report, _ context: RenderContext) -> String {
        let ruleIDs = Set(report.rulesRun + report.findings.map(\.finding.ruleID)).sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
        let driver: OrderedJSON = .object([
            ("name", .string("schemalint")),
            ("version", .string(context.toolVersion)),
            ("semanticVersion", .string(context.toolVersion)),
            ("rules", .array(ruleIDs.map { descriptor($0, context.catalog[$0], page: context.ruleLinks.page($0)) })),
        ])
        let results = report.findings.map { result($0, ruleIndex: ruleIndex[$0.finding.ruleID] ?? 0, context) }
        let run: OrderedJSON = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([.object([("executionSuccessful", .bool(true))])])),
            // Our columns count Unicode scalars; SARIF's default would be UTF-16 code units.
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let document: OrderedJSON = .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return document.serialized() + "\n"
    }

    private func descriptor(_ id: String, _ entry: CatalogEntry?, page: String?) -> OrderedJSON {
        let summary = entry?.summary ?? id
        let description = (entry?.description ?? summary).trimmingCharacters(in: .newlines)
        let markdown = "**\(summary)**\n\n\(description)\n\nRun `schemalint explain \(id)` for the rule's options and examples."
        let domain = id.split(separator: "/").first.map(String.init) ?? id
        var members: [(String, OrderedJSON)] = [
            ("id", .string(id)),
            ("name", .string(Self.pascalCase(id))),
            ("shortDescription", .object([("text", .string(summary))])),
            ("fullDescription", .object([("text", .string(description))])),
            ("help", .object([("text", .string(description)), ("markdown", .string(markdown))])),
        ]
        // SARIF wants an absolute URI: only when the published location is known.
        if let page { members.append(("helpUri", .string(page))) }
        members += [
            ("defaultConfiguration", .object([("level", .string(Self.level(entry?.severity ?? .warning)))])),
            ("properties", .object([("tags", .array([.string("schemalint"), .string(domain)]))])),
        ]
        return .object(members)
    }

    private func result(_ located: LocatedFinding, ruleIndex: Int, _ context: RenderContext) -> OrderedJSON {
        let finding = located.finding
        let region: OrderedJSON = .object([
            ("startLine", .int(located.start.line)),
            ("startColumn", .int(located.start.column)),
            ("endLine", .int(located.end.line)),
            ("endColumn", .int(located.end.column)),
        ])
        let primary: OrderedJSON = .object([
            ("physicalLocation", .object([
                ("artifactLocation", artifact(context.displayPath(finding.path))),
                ("region", region),
            ])),
        ])
        var members: [(String, OrderedJSON)] = [
            ("ruleId", .string(finding.ruleID)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(finding.severity))),
            ("message", .object([("text", .string(finding.help.isEmpty ? finding.message : "\(finding.message)\nhelp: \(finding.help)"))])),
            ("locations", .array([primary])),
        ]
        if !finding.relatedPaths.isEmpty {
            let related = finding.relatedPaths.enumerated().map { index, path -> OrderedJSON in
                .object([
                    ("id", .int(index + 1)),
                    ("physicalLocation", .object([("artifactLocation", artifact(context.displayPath(path)))])),
                ])
            }
            members.append(("relatedLocations", .array(related)))
        }
        members.append(("partialFingerprints", .object([("primaryLocationLineHash", .string(located.fingerprint))])))
        if !located.fixes.isEmpty { members.append(("fixes", .array(located.fixes.map { fix($0, context) }))) }
        return .object(members)
    }

    /// SARIF §3.55: one `artifactChange` per edited file, its edits as `replacements`.
    private func fix(_ fix: LocatedFix, _ context: RenderContext) -> OrderedJSON {
        var paths: [String] = []
        for located in fix.edits where !paths.contains(located.edit.path) { paths.append(located.edit.path) }
        let changes = paths.map { path -> OrderedJSON in
            let replacements = fix.edits.filter { $0.edit.path == path }.map { located -> OrderedJSON in
                .object([
                    ("deletedRegion", .object([
                        ("startLine", .int(located.start.line)),
                        ("startColumn", .int(located.start.column)),
                        ("endLine", .int(located.end.line)),
                        ("endColumn", .int(located.end.column)),
                    ])),
                    ("insertedContent", .object([("text", .string(located.edit.replacement))])),
                ])
            }
            return .object([("artifactLocation", artifact(context.displayPath(path))), ("replacements", .array(replacements))])
        }
        let label = fix.isSafe ? fix.label : fix.label + " (review before applying)"
        return .object([("description", .object([("text", .string(label))])), ("artifactChanges", .array(changes))])
    }

    private func artifact(_ path: String) -> OrderedJSON {
        .object([("uri", .string(Self.uriReference(path))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// `gist/invalid-json` → `GistInvalidJson`: SARIF's `name` is an identifier-like label.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "/" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// A relative path as a URI reference: every byte outside RFC 3986's unreserved set and `/` is percent-encoded.
    static func uriReference(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }
}
