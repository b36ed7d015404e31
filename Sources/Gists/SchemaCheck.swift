import JSON

/// What compiling one schema file produced: a validator, or why there is none, and how the file fares against
/// its metaschema. Built once per run by `GistSet`, shared by every rule.
public struct SchemaCheck: Sendable {
    /// Nil when the file is not valid JSON or does not compile (unresolvable `$ref`, invalid `pattern`).
    public var validator: JSONSchemaValidator?
    /// Why compilation failed; an issue may lie in another project schema that this one references.
    public var compilationIssues: [SchemaIssue]
    /// Where the file fails its metaschema (pointers and ranges into this file).
    public var metaschemaErrors: [SchemaValidationError]

    public init(validator: JSONSchemaValidator?, compilationIssues: [SchemaIssue], metaschemaErrors: [SchemaValidationError]) {
        self.validator = validator
        self.compilationIssues = compilationIssues
        self.metaschemaErrors = metaschemaErrors
    }
}

/// The outcome of validating one data file against the schema it names.
public enum DataValidation: Sendable {
    /// Validated against `schema`; `errors` is empty when the data is valid.
    case validated(schema: String, errors: [SchemaValidationError])
    /// The named schema exists but cannot be used (invalid JSON, or it does not compile); other rules report it.
    case schemaUnusable(schema: String)
    /// The data names a schema (`$schema` path or `gists.map` entry) that is not among the project's schema files.
    case schemaMissing(reference: String, range: Range<Int>)
}
