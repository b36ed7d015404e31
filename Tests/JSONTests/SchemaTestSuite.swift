import Foundation
import Testing
import JSON
import TestSupport

/// Runs the official JSON-Schema-Test-Suite (in ../shared/corpus/json-schema-test-suite) with our validator.
enum SchemaTestSuite {
    static let root = SharedFolder.path("corpus/json-schema-test-suite")

    /// Drafts by suite folder name.
    static let drafts: [(folder: String, draft: SchemaDraft)] = [
        ("draft2020-12", .draft2020_12), ("draft2019-09", .draft2019_09), ("draft7", .draft7), ("draft6", .draft6),
        ("draft4", .draft4),
    ]

    enum Kind: String, CaseIterable, Sendable { case required, optional, format }

    struct File: Sendable, CustomTestStringConvertible {
        var folder: String
        var draft: SchemaDraft
        /// Path below tests/<folder>/.
        var relativePath: String
        var kind: Kind {
            relativePath.hasPrefix("optional/format/") ? .format : relativePath.hasPrefix("optional/") ? .optional : .required
        }
        var testDescription: String { "\(folder)/\(relativePath)" }
    }

    struct Outcome: Sendable {
        var passed = 0
        var failures: [String] = []
        var total: Int { passed + failures.count }
    }

    /// Every test file of the five drafts, in a stable order (empty without ../shared).
    static let files: [File] = {
        guard let root else { return [] }
        var files: [File] = []
        for (folder, draft) in drafts {
            let base = root + "/tests/" + folder
            let paths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".json") }.sorted()
            files += paths.map { File(folder: folder, draft: draft, relativePath: $0) }
        }
        return files
    }()

    /// The suite's remotes, served from disk as `http://localhost:1234/…`, one registry per draft because
    /// remotes without `$schema` are read as the draft under test.
    static let registries: [SchemaDraft: SchemaRegistry] = {
        guard let root else { return [:] }
        var registries: [SchemaDraft: SchemaRegistry] = [:]
        let base = root + "/remotes"
        let paths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
        for (_, draft) in drafts {
            var registry = SchemaRegistry()
            for path in paths.sorted() {
                guard let data = FileManager.default.contents(atPath: base + "/" + path),
                      case .success(let node) = JSONReader.parse([UInt8](data)) else { continue }
                registry.register(node, uri: "http://localhost:1234/" + path, defaultDraft: draft)
            }
            registries[draft] = registry
        }
        return registries
    }()

    /// Runs one file; format files (and `format-assertion`-free optional files) are run as the suite intends:
    /// format files with format assertion on.
    static func run(_ file: File) -> Outcome {
        var outcome = Outcome()
        guard let root, let data = FileManager.default.contents(atPath: root + "/tests/" + file.folder + "/" + file.relativePath),
              case .success(let document) = JSONReader.parse([UInt8](data)), let groups = document.arrayValue else {
            outcome.failures.append("\(file.testDescription): cannot read")
            return outcome
        }
        let options = JSONSchemaValidator.Options(
            formatAssertion: file.kind == .format, contentAssertion: file.relativePath == "optional/content.json", defaultDraft: file.draft)
        let registry = registries[file.draft] ?? SchemaRegistry()
        for group in groups {
            let groupName = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            guard let schema = group["schema"] else { continue }
            let validator: JSONSchemaValidator
            do {
                validator = try JSONSchemaValidator(schema: schema, uri: "urn:schemalint:suite-schema", registry: registry, options: options)
            } catch {
                for test in tests {
                    outcome.failures.append("\(file.testDescription) | \(groupName) | \(test["description"]?.stringValue ?? "?"): compile error \(error)")
                }
                continue
            }
            for test in tests {
                guard let instance = test["data"], let expected = test["valid"]?.boolValue else { continue }
                let errors = validator.validate(instance)
                let fast = validator.isValid(instance)
                if errors.isEmpty == expected && fast == expected {
                    outcome.passed += 1
                } else {
                    let detail = errors.prefix(3).map(\.description).joined(separator: "; ")
                    outcome.failures.append("\(file.testDescription) | \(groupName) | \(test["description"]?.stringValue ?? "?"): expected \(expected ? "valid" : "invalid"), isValid=\(fast) errors=[\(detail)]")
                }
            }
        }
        return outcome
    }
}
