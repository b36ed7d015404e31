import Core
import JSON

/// The baseline (SPEC §4): fingerprints of accepted findings, so later runs report only new ones.
///
/// Written as sorted, stable JSON (one entry per finding, with rule, path and message for the humans who
/// review it in a diff); only `fingerprint` is read back.
public struct BaselineFile: Sendable, Equatable {
    public static let defaultPath = ".schemalint-baseline.json"
    public static let formatVersion = 1

    public struct Entry: Sendable, Hashable {
        public var fingerprint: String
        public var rule: String
        public var path: String
        public var message: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        // One entry per fingerprint, in an order that does not depend on rule scheduling.
        var seen: Set<String> = []
        self.entries = entries
            .sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
            .filter { seen.insert($0.fingerprint).inserted }
    }

    /// Every finding of a report (run without a baseline).
    public init(report: Report) {
        self.init(entries: report.findings.map { located in
            Entry(fingerprint: located.fingerprint, rule: located.finding.ruleID, path: located.finding.path, message: located.finding.message)
        })
    }

    public var fingerprints: Set<String> { Set(entries.map(\.fingerprint)) }

    public func serialized() -> String {
        let findings: [OrderedJSON] = entries.map { entry in
            .object([
                ("fingerprint", .string(entry.fingerprint)),
                ("rule", .string(entry.rule)),
                ("path", .string(entry.path)),
                ("message", .string(entry.message)),
            ])
        }
        let document: OrderedJSON = .object([
            ("version", .int(Self.formatVersion)),
            ("tool", .string("schemalint")),
            ("findings", .array(findings)),
        ])
        return document.serialized() + "\n"
    }

    /// Reads a baseline written by `serialized()`; `file` names it in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(UsageFailure) -> BaselineFile {
        let root: JSONNode
        switch JSONReader.parse(bytes) {
        case .success(let node): root = node
        case .failure(let error):
            let position = SourceFile(path: file, bytes: bytes).position(of: error.range.lowerBound)
            throw UsageFailure("\(file):\(position.line):\(position.column): the baseline is not valid JSON: \(error.message); rerun `schemalint baseline` to rewrite it")
        }
        guard let items = root["findings"]?.arrayValue else {
            throw UsageFailure("\(file): the baseline has no `findings` list; rerun `schemalint baseline` to rewrite it")
        }
        var entries: [Entry] = []
        for item in items {
            guard let fingerprint = item["fingerprint"]?.stringValue else {
                let position = SourceFile(path: file, bytes: bytes).position(of: item.range.lowerBound)
                throw UsageFailure("\(file):\(position.line):\(position.column): a baseline entry has no `fingerprint` string")
            }
            entries.append(Entry(
                fingerprint: fingerprint, rule: item["rule"]?.stringValue ?? "",
                path: item["path"]?.stringValue ?? "", message: item["message"]?.stringValue ?? ""))
        }
        return BaselineFile(entries: entries)
    }
}
