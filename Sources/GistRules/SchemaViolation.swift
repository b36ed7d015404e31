import Core
import Gists
import JSON
import ProjectModel

/// `gist/schema-violation`: a data file that fails the schema it names; one finding per failing keyword, at the
/// failing value.
public struct SchemaViolation: ProjectRule {
    public let id = "gist/schema-violation"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for file in project.gists.dataFiles {
            guard case .validated(let schema, let errors)? = project.gists.dataValidations[file.path] else { continue }
            for error in errors {
                let location = project.gists.schemaPath(forURI: error.schemaDocument) ?? schema
                context.report(
                    path: file.path, range: error.instanceRange,
                    message: "\(Self.place(error.instancePointer)) \(error.isUndecided ? "could not be checked" : "fails the schema"): \(error.message)",
                    help: error.isUndecided
                        ? "simplify the schema at `\(location)` at `\(Self.keywordPointer(error))`: schemalint gives no verdict it could not work out"
                        : Self.help(error, schemaLocation: "`\(location)` at `\(Self.keywordPointer(error))`"),
                    relatedPaths: [location])
            }
        }
    }

    static func place(_ pointer: String) -> String {
        pointer.isEmpty ? "the document" : "`\(pointer)`"
    }

    /// The keyword's pointer inside its schema document (the fragment of its absolute location).
    static func keywordPointer(_ error: SchemaValidationError) -> String {
        guard let hash = error.absoluteSchemaLocation.lastIndex(of: "#") else { return error.schemaPointer }
        let fragment = error.absoluteSchemaLocation[error.absoluteSchemaLocation.index(after: hash)...]
        return fragment.isEmpty ? "/" : String(fragment)
    }

    static func help(_ error: SchemaValidationError, schemaLocation: String) -> String {
        switch error.keyword {
        case "required", "dependentRequired", "dependencies":
            "add the missing property, or drop it from `\(error.keyword)` in \(schemaLocation)"
        case "additionalProperties", "unevaluatedProperties", "propertyNames", "false":
            "remove the property, or declare it in \(schemaLocation)"
        case "enum", "const":
            "use an allowed value, or allow this one in \(schemaLocation)"
        case "type":
            "change the value's type, or widen `type` in \(schemaLocation)"
        default:
            "change the value to satisfy `\(error.keyword)`, or relax \(schemaLocation) if the data is right"
        }
    }
}
