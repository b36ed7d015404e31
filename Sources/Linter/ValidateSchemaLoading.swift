import Core
import Foundation
import Gists
import JSON

/// Loads the schema given to `validate`, plus every local file its `$ref`s name (transitively), into one
/// registry; nothing is fetched from the network.
struct ValidateSchemaLoading {
    /// Why the schema cannot be used: each problem located in a file (exit code 2).
    struct Unusable: Error {
        var problems: [ValidateProblem]
    }

    static let maximumDocuments = 200

    /// Reads, parses, checks against the metaschema and compiles the schema at `path`.
    static func load(_ path: String) -> Result<JSONSchemaValidator, Unusable> {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var registry = SchemaRegistry()
        var pending = [(absolute, path)]
        var loaded = Set<String>()
        var files: [String: SourceFile] = [:]
        var problems: [ValidateProblem] = []
        while let (file, shown) = pending.popLast(), loaded.count < maximumDocuments {
            guard loaded.insert(file).inserted else { continue }
            guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else {
                problems.append(ValidateProblem(path: shown, position: nil, message: file == absolute ? "cannot read the schema file" : "cannot read this file, which a `$ref` names"))
                continue
            }
            let source = SourceFile(path: shown, bytes: bytes)
            files[uri(file)] = source
            switch JSONReader.parse(bytes) {
            case .failure(let error):
                problems.append(ValidateProblem(path: shown, position: source.position(of: error.range.lowerBound),
                                                message: "schema is not valid JSON: \(error.message)"))
            case .success(let root):
                if file == absolute {
                    for error in JSONSchemaValidator.validateSchemaAgainstMetaschema(root, registry: registry, defaultDraft: GistSchemaOptions.validator.defaultDraft) {
                        problems.append(ValidateProblem(
                            path: shown, position: source.position(of: error.instanceRange.lowerBound),
                            message: "schema fails its metaschema at `\(error.instancePointer)`: \(error.message)"))
                    }
                }
                registry.register(root, uri: uri(file), defaultDraft: GistSchemaOptions.validator.defaultDraft)
                for reference in localReferences(root) {
                    let target = URL(fileURLWithPath: reference, relativeTo: URL(fileURLWithPath: file).deletingLastPathComponent())
                        .standardizedFileURL.path
                    pending.append((target, relative(target, to: absolute, shownAs: path)))
                }
            }
        }
        guard problems.isEmpty else { return .failure(Unusable(problems: problems)) }
        do {
            return .success(try JSONSchemaValidator(uri: uri(absolute), registry: registry, options: GistSchemaOptions.validator))
        } catch {
            return .failure(Unusable(problems: error.issues.map { issue in
                let source = files[issue.document]
                return ValidateProblem(path: source?.path ?? path, position: source?.position(of: issue.range.lowerBound),
                                       message: "schema does not compile: \(issue.message)")
            }))
        }
    }

    static func uri(_ absolutePath: String) -> String {
        GistSchemaURI.uri(forPath: String(absolutePath.drop { $0 == "/" }))
    }

    /// The file parts of `$ref`s that name other local files (`./common.schema.json#/$defs/x`).
    static func localReferences(_ root: JSONNode) -> [String] {
        var references: [String] = []
        SchemaWalk.forEachSchema(root) { schema in
            for keyword in ["$ref", "$dynamicRef", "$recursiveRef"] {
                guard let reference = schema.node[keyword]?.stringValue else { continue }
                let file = String(reference.prefix { $0 != "#" })
                if !file.isEmpty, !file.contains(":") { references.append(file.removingPercentEncoding ?? file) }
            }
        }
        return references
    }

    /// How to show a referenced file: relative to the folder of the schema as the user named it.
    private static func relative(_ target: String, to schema: String, shownAs shown: String) -> String {
        let folder = URL(fileURLWithPath: schema).deletingLastPathComponent().path + "/"
        guard target.hasPrefix(folder) else { return target }
        let shownFolder = (shown as NSString).deletingLastPathComponent
        let rest = String(target.dropFirst(folder.count))
        return shownFolder.isEmpty ? rest : shownFolder + "/" + rest
    }
}
