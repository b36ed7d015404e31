import Core
import Foundation
import Gists
import JSON

/// Loads the schema given to `validate`, plus every local file its `$ref`s need (transitively), into one
/// registry; nothing is fetched from the network.
///
/// A `$ref` resolves as the specification says: against the base URI of the nearest `$id`, to any resource already
/// known (embedded anywhere in a loaded schema, or a standard metaschema) before any file is read. Only a target
/// that no loaded schema declares is looked up on disk: a `file:` target as that file (or that name plus `.json`);
/// any other URL in the `--schema-dir` folders (by `$id`, then by the longest suffix of its path), then as a file
/// beside the schema named by its last segment. What is still unknown is reported, never fetched.
struct ValidateSchemaLoading {
    /// Why the schema cannot be used: each problem located in a file (exit code 2).
    struct Unusable: Error {
        var problems: [ValidateProblem]
    }

    static let maximumDocuments = 200

    /// Reads, parses, checks against the metaschema and compiles the schema at `path`.
    static func load(_ path: String, options: ValidateOptions) -> Result<JSONSchemaValidator, Unusable> {
        var loader = Loader(rootPath: URL(fileURLWithPath: path).standardizedFileURL.path, shownRoot: path, options: options)
        return loader.run()
    }

    static func uri(_ absolutePath: String) -> String {
        GistSchemaURI.uri(forPath: String(absolutePath.drop { $0 == "/" }))
    }

    private struct Loader {
        let rootPath: String
        let shownRoot: String
        let options: ValidateOptions
        let compileOptions: JSONSchemaValidator.Options
        var registry = SchemaRegistry()
        /// Registered document URI → its file and how it is shown.
        var files: [String: SourceFile] = [:]
        var problems: [ValidateProblem] = []
        /// Targets already looked up (found or not), so each is read once.
        var attempted = Set<String>()
        lazy var folderIndex = SchemaFolderIndex(folders: options.schemaFolders)

        init(rootPath: String, shownRoot: String, options: ValidateOptions) {
            self.rootPath = rootPath
            self.shownRoot = shownRoot
            self.options = options
            compileOptions = options.validatorOptions
        }

        mutating func run() -> Result<JSONSchemaValidator, Unusable> {
            let rootURI = ValidateSchemaLoading.uri(rootPath)
            guard register(file: rootPath, shown: shownRoot, as: rootURI, isRoot: true) else {
                return .failure(Unusable(problems: problems))
            }
            var pending = [rootURI]
            var unresolved: [(document: String, reference: SchemaReference, why: String)] = []
            while let document = pending.popLast() {
                for reference in registry.references(inDocument: document) {
                    let target = reference.target
                    guard !registry.hasResource(target), attempted.insert(target).inserted else { continue }
                    guard files.count < ValidateSchemaLoading.maximumDocuments else { break }
                    switch locate(target, from: document) {
                    case .found(let file):
                        if register(file: file, shown: shown(file), as: target, isRoot: false) { pending.append(target) }
                    case .missing(let why):
                        unresolved.append((document, reference, why))
                    }
                }
            }
            // A later document may have declared what an earlier lookup missed.
            for entry in unresolved where !registry.hasResource(entry.reference.target) {
                let source = files[entry.document]
                problems.append(ValidateProblem(
                    path: source?.path ?? shownRoot, position: source?.position(of: entry.reference.range.lowerBound),
                    message: entry.why))
            }
            guard problems.isEmpty else { return .failure(Unusable(problems: problems)) }
            do {
                return .success(try JSONSchemaValidator(uri: rootURI, registry: registry, options: compileOptions))
            } catch {
                return .failure(Unusable(problems: error.issues.map { issue in
                    let source = files[issue.document]
                    return ValidateProblem(path: source?.path ?? shownRoot, position: source?.position(of: issue.range.lowerBound),
                                           message: "schema does not compile: \(issue.message)")
                }))
            }
        }

        enum Lookup {
            case found(String)
            case missing(String)
        }

        /// Where on disk a target URI that no loaded schema declares lives.
        mutating func locate(_ target: String, from document: String) -> Lookup {
            let parts = URIParts(target)
            var folders = [URL(fileURLWithPath: rootPath).deletingLastPathComponent().path]
            if parts.scheme != "file" {
                if let file = folderIndex.file(forID: target) ?? folderIndex.file(forURLPath: parts.path) { return .found(file) }
                if let source = files[document] {
                    folders.append(URL(fileURLWithPath: source.path).standardizedFileURL.deletingLastPathComponent().path)
                }
            }
            if let found = LocalSchemaLookup.candidates(for: target, folders: folders).first(where: isFile) { return .found(found) }
            if parts.scheme == "file" {
                let path = parts.path.removingPercentEncoding ?? parts.path
                return .missing("cannot read this file, which a `$ref` names (`\(path)`)")
            }
            return .missing("`$ref` names `\(target)`, a remote schema that no local schema declares; schemalint never "
                + "fetches from the network: save it beside the schema (named by its last path segment) or in a folder "
                + "given with `--schema-dir`")
        }

        /// Parses a schema file and registers it under `uri`; the root is also checked against its metaschema.
        mutating func register(file: String, shown: String, as uri: String, isRoot: Bool) -> Bool {
            guard let bytes = FileManager.default.contents(atPath: file).map(Array.init) else {
                problems.append(ValidateProblem(path: shown, position: nil, message: isRoot ? "cannot read the schema file" : "cannot read this file, which a `$ref` names"))
                return false
            }
            let source = SourceFile(path: shown, bytes: bytes)
            switch JSONReader.parse(bytes) {
            case .failure(let error):
                problems.append(ValidateProblem(path: shown, position: source.position(of: error.range.lowerBound),
                                                message: "schema is not valid JSON: \(error.message)"))
                return false
            case .success(let root):
                // A custom metaschema decides the dialect the document is scanned with: it is loaded first.
                if let metaschema = root["$schema"]?.stringValue, SchemaDraft(metaschemaURI: metaschema) == nil {
                    let target = String(metaschema.prefix { $0 != "#" })
                    if !registry.hasResource(target), attempted.insert(target).inserted, case .found(let file) = locate(target, from: uri) {
                        _ = register(file: file, shown: self.shown(file), as: target, isRoot: false)
                    }
                }
                if isRoot {
                    for error in JSONSchemaValidator.validateSchemaAgainstMetaschema(root, registry: registry, defaultDraft: compileOptions.defaultDraft) {
                        problems.append(ValidateProblem(
                            path: shown, position: source.position(of: error.instanceRange.lowerBound),
                            message: "schema fails its metaschema at `\(error.instancePointer)`: \(error.message)"))
                    }
                }
                registry.register(root, uri: uri, defaultDraft: compileOptions.defaultDraft)
                files[uri] = source
                return true
            }
        }

        /// How to show a referenced file: relative to the folder of the schema as the user named it.
        func shown(_ target: String) -> String {
            let folder = URL(fileURLWithPath: rootPath).deletingLastPathComponent().path + "/"
            guard target.hasPrefix(folder) else { return target }
            let shownFolder = (shownRoot as NSString).deletingLastPathComponent
            let rest = String(target.dropFirst(folder.count))
            return shownFolder.isEmpty ? rest : shownFolder + "/" + rest
        }

        func isFile(_ path: String) -> Bool {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}

/// The `.json` files of the `--schema-dir` folders: by root `$id` (draft-04 `id`) and by path below the folder.
struct SchemaFolderIndex {
    private var byID: [String: String] = [:]
    /// Path below a folder (`nested/foo.json`) → file.
    private var byRelativePath: [String: String] = [:]

    init(folders: [String]) {
        for folder in folders {
            let base = URL(fileURLWithPath: folder).standardizedFileURL.path
            let paths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".json") }.sorted()
            for relative in paths {
                let file = base + "/" + relative
                if byRelativePath[relative] == nil { byRelativePath[relative] = file }
                guard let bytes = FileManager.default.contents(atPath: file), case .success(let root) = JSONReader.parse(Array(bytes)),
                      let id = (root["$id"] ?? root["id"])?.stringValue else { continue }
                let key = String(id.prefix { $0 != "#" })
                if byID[key] == nil { byID[key] = file }
            }
        }
    }

    func file(forID uri: String) -> String? { byID[uri] }

    /// The file whose path below a folder is the longest suffix of the URL's path.
    func file(forURLPath path: String) -> String? {
        let segments = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        for start in segments.indices {
            let suffix = segments[start...].joined(separator: "/")
            if let file = byRelativePath[suffix] ?? byRelativePath[suffix + ".json"] { return file }
        }
        return nil
    }
}
