import JSON

/// How Gist schemas are compiled, by `check` and by `validate` alike.
public enum GistSchemaOptions {
    /// Formats are asserted, as check-jsonschema does by default: a Gist schema that says `"format": "email"`
    /// means it. Schemas without `$schema` are read as draft 2020-12.
    public static let validator = JSONSchemaValidator.Options(formatAssertion: true, defaultDraft: .draft2020_12)
}
