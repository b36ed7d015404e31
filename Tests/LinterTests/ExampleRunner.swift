import Core
import Linter
import RuleEngine

/// Runs one catalog example in memory and compares the rule's findings with the ⟦…⟧ marks.
enum ExampleRunner {
    struct Span: Hashable, Comparable, CustomStringConvertible {
        var path: String
        var range: Range<Int>
        static func < (a: Span, b: Span) -> Bool { (a.path, a.range.lowerBound, a.range.upperBound) < (b.path, b.range.lowerBound, b.range.upperBound) }
        var description: String { "\(path)@\(range.lowerBound)..<\(range.upperBound)" }
    }

    struct Outcome {
        var expected: [Span]
        var actual: [Span]
        var messages: [String]
    }

    static func run(_ example: ExampleCase, mutation: ExampleMutation, catalog: RuleCatalog) throws -> Outcome {
        var files: [String: [UInt8]] = [:]
        var expected: [Span] = []
        for (path, text) in example.example.files {
            let (bytes, spans) = Markers.strip(Array(mutate(text, path: path, mutation).utf8))
            files[path] = bytes
            expected += spans.map { Span(path: path, range: $0) }
        }
        var configuration = Configuration()
        var configurationFile: SourceFile?
        if let config = example.example.config {
            let bytes = Array(mutate(config, path: ".schemalint.yml", mutation == .crlfLineEndings ? mutation : .asWritten).utf8)
            configuration = try ConfigurationReader(catalog: catalog).read(bytes, file: ".schemalint.yml")
            configurationFile = SourceFile(path: ".schemalint.yml", bytes: bytes)
        }
        // The base tree gets the same mutation, so that only the example's intended edits differ.
        let base = example.example.baseFiles.map { baseFiles in
            MemoryFileSource(files: baseFiles.reduce(into: [:]) { $0[$1.key] = Array(mutate($1.value, path: $1.key, mutation).utf8) })
        }
        let request = LintRequest(
            source: MemoryFileSource(files: files), configuration: configuration,
            configurationFile: configurationFile, catalog: catalog, base: base,
            boundary: base.map { MigrationBoundary(tree: SourceBoundaryTree(source: $0), label: "present at the base") })
        let report = try Engine.run(request)
        let own = report.findings.filter { $0.finding.ruleID == example.ruleID }
        let actual = own.map { Span(path: $0.finding.path, range: $0.finding.range) }
        let messages = report.findings.map { "  \($0.finding.path):\($0.start.line):\($0.start.column) [\($0.finding.ruleID)] \($0.finding.message)" }
        return Outcome(expected: expected.sorted(), actual: actual.sorted(), messages: ["expected: \(expected.sorted())", "actual: \(actual.sorted())"] + messages)
    }

    /// Applies a mutation to a file's text before the markers are stripped, so expected offsets follow it.
    static func mutate(_ text: String, path: String, _ mutation: ExampleMutation) -> String {
        switch mutation {
        case .asWritten:
            return text
        case .crlfLineEndings:
            return text.replacingOccurrences(of: "\n", with: "\r\n")
        case .multiByteFirstLine:
            if path.hasSuffix(".ts") { return "// Größe ✓ 数据 😀\n" + text }
            if path.hasSuffix(".sql") { return "-- Größe ✓ 数据 😀\n" + text }
            if path.hasSuffix(".prisma") { return "// Größe ✓ 数据 😀\n" + text }
            return text
        }
    }
}

/// `⟦` and `⟧` mark expected spans in example files.
enum Markers {
    static let open = Array("⟦".utf8)
    static let close = Array("⟧".utf8)

    static func strip(_ bytes: [UInt8]) -> ([UInt8], [Range<Int>]) {
        var output: [UInt8] = []
        var starts: [Int] = []
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: open) {
                starts.append(output.count)
                index += open.count
            } else if bytes[index...].starts(with: close), let start = starts.popLast() {
                spans.append(start..<output.count)
                index += close.count
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return (output, spans)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
