import Core
import Gists
import JSON
import ProjectModel

/// `gist/invalid-schema`: a schema that fails its metaschema or does not compile (a `$ref` that resolves to
/// nothing, a `pattern` that is not an ECMA-262 regular expression), and a data file whose `$schema` (or
/// `gists.map` entry) names a schema file the project does not have.
public struct InvalidSchema: ProjectRule {
    public let id = "gist/invalid-schema"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let gists = project.gists
        var reportedIssues = Set<String>()
        for file in gists.schemaFiles {
            guard let check = gists.schemaChecks[file.path] else { continue }
            let declared = file.document?["$schema"]?.stringValue
            let draft = declared.map { SchemaDraft(metaschemaURI: $0) } ?? .draft2020_12
            let metaschema = draft.map { "the draft \($0.rawValue) metaschema" } ?? "its metaschema"
            for error in check.metaschemaErrors {
                context.report(
                    path: file.path, range: error.instanceRange,
                    message: "\(SchemaViolation.place(error.instancePointer)) fails \(metaschema): \(error.message)",
                    help: "use a value that \(metaschema) allows for this keyword")
            }
            // An issue in a shared schema shows up when compiling every schema that references it: report it once.
            for issue in check.compilationIssues {
                let owner = gists.schemaPath(forURI: issue.document)
                let path = owner ?? file.path
                let range = owner == nil ? 0..<0 : issue.range
                guard reportedIssues.insert("\(path)\u{0}\(range)\u{0}\(issue.message)").inserted else { continue }
                context.report(
                    path: path, range: range,
                    message: "schema does not compile: \(issue.message)" + (Self.isRemote(issue.message) ? ", a remote schema that no project schema declares" : ""),
                    help: Self.help(for: issue.message),
                    relatedPaths: path == file.path ? [] : [file.path])
            }
        }
        for file in gists.dataFiles {
            guard case .schemaMissing(let reference, let range)? = gists.dataValidations[file.path] else { continue }
            context.report(
                path: file.path, range: range,
                message: "the schema `\(reference)` this file names is not among the project's Gist schema files, so the file is not validated",
                help: "fix the path, or add the schema to `gists.schemas` in .schemalint.yml")
        }
    }

    static func isRemote(_ message: String) -> Bool {
        message.hasPrefix("cannot resolve $ref") && message.contains("://") && !message.contains("file://")
    }

    /// A remote `$ref` is never fetched, as `validate` says too: the fix is a local copy, not a better pointer.
    static func help(for message: String) -> String {
        guard message.contains("$ref") else { return "fix the keyword so that the schema compiles" }
        if isRemote(message) {
            return "schemalint never fetches from the network: add a copy of the remote schema to the project's Gist schemas "
                + "(with its `$id`, or named by the URL's last path segment beside this schema)"
        }
        return "point the `$ref` at an existing schema (a JSON pointer in this file, or a project schema file by relative path, by `$id`, or by name without `.json`)"
    }
}
