extension JSONSchemaValidator {
    /// The compiled validator of a standard metaschema, built once per process and only for the drafts a run
    /// meets (a `validate` process compiles one of the five, not all of them).
    private static func standardMetaschemaValidator(_ draft: SchemaDraft) -> JSONSchemaValidator? {
        switch draft {
        case .draft4: draft4Metaschema
        case .draft6: draft6Metaschema
        case .draft7: draft7Metaschema
        case .draft2019_09: draft2019Metaschema
        case .draft2020_12: draft2020Metaschema
        }
    }

    private static func compiledMetaschema(_ draft: SchemaDraft) -> JSONSchemaValidator? {
        try? JSONSchemaValidator(uri: draft.metaschemaURI, registry: SchemaRegistry())
    }

    private static let draft4Metaschema = compiledMetaschema(.draft4)
    private static let draft6Metaschema = compiledMetaschema(.draft6)
    private static let draft7Metaschema = compiledMetaschema(.draft7)
    private static let draft2019Metaschema = compiledMetaschema(.draft2019_09)
    private static let draft2020Metaschema = compiledMetaschema(.draft2020_12)

    /// Validates a schema document against its metaschema: the one its `$schema` names (a standard draft or
    /// a metaschema in `registry`), else `defaultDraft`'s. Errors point into the schema document. An unknown
    /// `$schema` is reported as an error on that keyword, and the default draft's metaschema is used.
    public static func validateSchemaAgainstMetaschema(_ schema: JSONNode, registry: SchemaRegistry = SchemaRegistry(),
                                                       defaultDraft: SchemaDraft = .draft2020_12) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        var validator = standardMetaschemaValidator(defaultDraft)
        if let member = schema.member(named: "$schema") {
            if let uri = member.value.stringValue, let draft = SchemaDraft(metaschemaURI: uri) {
                validator = standardMetaschemaValidator(draft)
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
