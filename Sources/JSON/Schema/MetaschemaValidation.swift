extension JSONSchemaValidator {
    /// Compiled validators for the standard metaschemas, built once per process.
    private static let standardMetaschemaValidators: [SchemaDraft: JSONSchemaValidator] = {
        var validators: [SchemaDraft: JSONSchemaValidator] = [:]
        for draft in SchemaDraft.allCases {
            validators[draft] = try? JSONSchemaValidator(uri: draft.metaschemaURI, registry: SchemaRegistry())
        }
        return validators
    }()

    /// Validates a schema document against its metaschema: the one its `$schema` names (a standard draft or
    /// a metaschema in `registry`), else `defaultDraft`'s. Errors point into the schema document. An unknown
    /// `$schema` is reported as an error on that keyword, and the default draft's metaschema is used.
    public static func validateSchemaAgainstMetaschema(_ schema: JSONNode, registry: SchemaRegistry = SchemaRegistry(),
                                                       defaultDraft: SchemaDraft = .draft2020_12) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        var validator = standardMetaschemaValidators[defaultDraft]
        if let member = schema.member(named: "$schema") {
            if let uri = member.value.stringValue, let draft = SchemaDraft(metaschemaURI: uri) {
                validator = standardMetaschemaValidators[draft]
            } else if let uri = member.value.stringValue, let custom = try? JSONSchemaValidator(uri: uri, registry: registry) {
                validator = custom
            } else {
                errors.append(SchemaValidationError(
                    instancePointer: "/$schema", instanceRange: member.value.range, keyword: "$schema", schemaPointer: "",
                    absoluteSchemaLocation: "", schemaDocument: "", schemaRange: nil,
                    message: "unknown metaschema \(member.value.value.compactText()), checked against draft \(defaultDraft.rawValue)"))
            }
        }
        return errors + (validator?.validate(schema) ?? [])
    }
}
