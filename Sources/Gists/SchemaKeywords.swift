/// The keywords of JSON Schema drafts 2020-12, 2019-09 and draft-07 (their union), grouped by what their value
/// holds. Used to walk schema documents and to tell keywords from misspellings.
public enum SchemaKeywords {
    /// Keywords whose value is one subschema.
    public static let singleSchema: Set<String> = [
        "additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas (`items` in its draft-07 array form too).
    public static let schemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    /// Keywords whose value maps names to subschemas.
    public static let schemaMap: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    ]
    /// Every keyword of the three drafts, annotations included.
    public static let all: Set<String> = singleSchema.union(schemaArray).union(schemaMap).union([
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor",
        "$vocabulary", "$comment",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired",
        "format", "contentEncoding", "contentMediaType",
        "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
    ])
}
