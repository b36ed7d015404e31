import Foundation
import Testing
import JSON
import TestSupport

/// The official JSON-Schema-Test-Suite through the command line, as a user runs it: each case's schema written to a
/// file and `schemalint validate --schema S --format json DATA…` run as a subprocess over one file per test. The
/// suite's remotes (`http://localhost:1234/…`) are served from its `remotes/` folder with `--schema-dir`, so no
/// network is needed; schemas without `$schema` are read as the draft under test (`--draft`). Format tests run
/// with `--formats assert`, the rest with `--formats annotate`, as the suite intends. One process per group of tests
/// (one schema, all its instances): about 1,500 processes for the five drafts.
@Suite struct ValidateSuiteTests {
    static let suite = SharedFolder.path("corpus/json-schema-test-suite")

    static let drafts: [(folder: String, flag: String)] = [
        ("draft2020-12", "2020-12"), ("draft2019-09", "2019-09"), ("draft7", "draft-07"), ("draft6", "draft-06"),
        ("draft4", "draft-04"),
    ]

    /// One group of the suite: a schema and its tests.
    struct Group: Sendable {
        var file: String
        var description: String
        /// The schema and each test's instance, as JSON text.
        var schema: Data
        var tests: [Test]

        struct Test: Sendable {
            var description: String
            var data: Data
            var valid: Bool
        }
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)),
          .enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing),
          arguments: drafts.map(\.folder))
    func requiredTestsPassThroughTheCommandLine(_ folder: String) throws {
        let flag = try #require(Self.drafts.first { $0.folder == folder }?.flag)
        let groups = try Self.groups(folder: folder) { !$0.hasPrefix("optional/") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("validate-suite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Most of a process's time is start-up waiting, not CPU: more processes than cores keep the run short.
        let failures = Self.parallel(groups.count, width: 8) { index in
            Self.run(groups[index], in: scratch.appendingPathComponent(String(index)), draft: flag, formats: "annotate")
        }.flatMap { $0 }
        let total = groups.reduce(0) { $0 + $1.tests.count }
        print("\(folder) through the CLI: \(total - failures.count)/\(total) required tests pass")
        #expect(total > 500)
        #expect(failures.isEmpty, "\(failures.prefix(40).joined(separator: "\n"))")
    }

    /// The optional format tests with `--formats assert`. Only IDNA2008 cases may fail (the contextual rules,
    /// Bidi and Punycode checks of `hostname` A-labels and `idn-hostname`, docs/limits.md): anything else is a bug.
    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)),
          .enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing),
          arguments: drafts.map(\.folder))
    func optionalFormatTestsPassWithFormatsAsserted(_ folder: String) throws {
        let flag = try #require(Self.drafts.first { $0.folder == folder }?.flag)
        let groups = try Self.groups(folder: folder) { $0.hasPrefix("optional/format/") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("validate-format-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let failures = Self.parallel(groups.count, width: 8) { index in
            Self.run(groups[index], in: scratch.appendingPathComponent(String(index)), draft: flag, formats: "assert")
        }.flatMap { $0 }
        let idna = failures.filter(Self.isKnownIDNACase)
        let total = groups.reduce(0) { $0 + $1.tests.count }
        print("\(folder) format tests through the CLI: \(total - failures.count)/\(total) pass, \(idna.count) IDNA cases fail")
        #expect(total > 50)
        #expect(failures.count == idna.count, "\(failures.filter { !Self.isKnownIDNACase($0) }.prefix(40).joined(separator: "\n"))")
    }

    static func isKnownIDNACase(_ failure: String) -> Bool {
        failure.hasPrefix("optional/format/idn-hostname.json |")
            || failure.hasPrefix("optional/format/hostname.json | validation of A-label (punycode) host names |")
    }

    /// `transform` over `0..<count` with up to `width` calls at a time; results in order.
    static func parallel(_ count: Int, width: Int, _ transform: @escaping @Sendable (Int) -> [String]) -> [[String]] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [[String]](repeating: [], count: count)
        let slots = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        for index in 0..<count {
            slots.wait()
            DispatchQueue.global().async(group: group) {
                let result = transform(index)
                lock.withLock { results[index] = result }
                slots.signal()
            }
        }
        group.wait()
        return results
    }

    /// Runs one group in one process; returns a line per test whose verdict differs from the suite's.
    static func run(_ group: Group, in folder: URL, draft: String, formats: String) -> [String] {
        let label = "\(group.file) | \(group.description)"
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let schema = folder.appendingPathComponent("schema.json")
            try group.schema.write(to: schema)
            var paths: [String] = []
            for (index, test) in group.tests.enumerated() {
                let path = folder.appendingPathComponent("\(index).json").path
                try test.data.write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let outcome = try BuiltBinary.run(
                ["validate", "--schema", schema.path, "--format", "json", "--draft", draft, "--formats", formats,
                 "--schema-dir", (suite ?? "") + "/remotes"] + paths, in: folder.path)
            let verdicts = verdictsByPath(outcome.output)
            return group.tests.enumerated().compactMap { index, test in
                verdicts[paths[index]] == test.valid ? nil
                    : "\(label) | \(test.description): expected \(test.valid ? "valid" : "invalid"), exit \(outcome.status) \(outcome.errors.prefix(300))"
            }
        } catch {
            return ["\(label): \(error)"]
        }
    }

    static func verdictsByPath(_ output: String) -> [String: Bool] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let results = object["results"] as? [[String: Any]] else { return [:] }
        var verdicts: [String: Bool] = [:]
        for result in results {
            if let path = result["path"] as? String, let valid = result["valid"] as? Bool { verdicts[path] = valid }
        }
        return verdicts
    }

    /// The groups of one draft's test files whose path below the draft folder passes `include`.
    static func groups(folder: String, include: (String) -> Bool) throws -> [Group] {
        let base = try #require(suite) + "/tests/" + folder
        let paths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") && include($0) }.sorted()
        var groups: [Group] = []
        for path in paths {
            // The suite's own bytes for each schema and instance (no re-serialisation that could change a number).
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: base + "/" + path)))
            guard case .success(let document) = JSONReader.parse(bytes), let elements = document.arrayValue else {
                Issue.record("\(path) is not a JSON array")
                continue
            }
            for group in elements {
                guard let schema = group["schema"] else { continue }
                let tests = (group["tests"]?.arrayValue ?? []).compactMap { test -> Group.Test? in
                    guard let valid = test["valid"]?.boolValue, let data = test["data"] else { return nil }
                    return Group.Test(description: test["description"]?.stringValue ?? "?", data: Data(bytes[data.range]), valid: valid)
                }
                groups.append(Group(file: path, description: group["description"]?.stringValue ?? "?",
                                    schema: Data(bytes[schema.range]), tests: tests))
            }
        }
        return groups
    }
}
