/// The JSON Schema drafts this validator implements, each with its own keywords and metaschema.
public enum SchemaDraft: String, Sendable, CaseIterable {
    case draft4 = "draft-04"
    case draft6 = "draft-06"
    case draft7 = "draft-07"
    case draft2019_09 = "2019-09"
    case draft2020_12 = "2020-12"

    /// The canonical metaschema URI (what `$schema` names).
    public var metaschemaURI: String {
        switch self {
        case .draft4: "http://json-schema.org/draft-04/schema#"
        case .draft6: "http://json-schema.org/draft-06/schema#"
        case .draft7: "http://json-schema.org/draft-07/schema#"
        case .draft2019_09: "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// Recognises the standard metaschema URIs (with or without the empty fragment, http or https).
    public init?(metaschemaURI uri: String) {
        var key = Substring(uri)
        if key.hasSuffix("#") { key = key.dropLast() }
        if key.hasPrefix("https://") { key = key.dropFirst(8) } else if key.hasPrefix("http://") { key = key.dropFirst(7) }
        switch key {
        case "json-schema.org/draft-04/schema": self = .draft4
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "json-schema.org/draft/2020-12/schema": self = .draft2020_12
        default: return nil
        }
    }

    /// Drafts 4 to 7: `$ref` replaces its schema object (siblings, `$id` included, are ignored), a fragment `$id`
    /// is a plain-name anchor, and there are no vocabularies, `$anchor`, `$defs` or `unevaluated*`.
    var isLegacy: Bool { self == .draft4 || self == .draft6 || self == .draft7 }

    /// `contentEncoding`/`contentMediaType` exist from draft-07 on.
    var hasContentKeywords: Bool { self != .draft4 && self != .draft6 }

    /// The keyword that declares a schema resource: draft-04 spells it `id`.
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    /// Keywords whose value is one subschema.
    var singleSchemaKeywords: [String] {
        switch self {
        case .draft4: ["additionalItems", "items", "additionalProperties", "not"]
        case .draft6: ["additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not"]
        case .draft7:
            ["additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else"]
        case .draft2019_09:
            ["additionalItems", "items", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else",
             "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        case .draft2020_12:
            ["items", "contains", "additionalProperties", "propertyNames", "not", "if", "then", "else",
             "unevaluatedItems", "unevaluatedProperties", "contentSchema"]
        }
    }

    /// Keywords whose value is an array of subschemas.
    var schemaArrayKeywords: [String] {
        switch self {
        case .draft4, .draft6, .draft7, .draft2019_09: ["allOf", "anyOf", "oneOf", "items"]
        case .draft2020_12: ["allOf", "anyOf", "oneOf", "prefixItems"]
        }
    }

    /// Keywords whose value is an object of subschemas.
    var schemaMapKeywords: [String] {
        switch self {
        case .draft4, .draft6, .draft7: ["properties", "patternProperties", "definitions", "dependencies"]
        case .draft2019_09, .draft2020_12:
            ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]
        }
    }
}

/// The vocabularies a schema resource uses; a custom metaschema's `$vocabulary` may switch some off.
struct Vocabularies: OptionSet, Sendable, Hashable {
    let rawValue: Int
    static let applicator = Vocabularies(rawValue: 1 << 0)
    static let unevaluated = Vocabularies(rawValue: 1 << 1)
    static let validation = Vocabularies(rawValue: 1 << 2)
    static let formatAssertion = Vocabularies(rawValue: 1 << 3)
    static let all: Vocabularies = [.applicator, .unevaluated, .validation]

    /// Maps `$vocabulary` URIs (any draft) to vocabularies; core, meta-data, content and format-annotation
    /// need no switch here because they never assert.
    init(vocabularyURIs: [String]) {
        var set: Vocabularies = []
        for uri in vocabularyURIs {
            if uri.hasSuffix("/vocab/applicator") { set.insert(.applicator); if uri.contains("2019-09") { set.insert(.unevaluated) } }
            if uri.hasSuffix("/vocab/unevaluated") { set.insert(.unevaluated) }
            if uri.hasSuffix("/vocab/validation") { set.insert(.validation) }
            if uri.hasSuffix("/vocab/format-assertion") { set.insert(.formatAssertion) }
        }
        self = set
    }

    init(rawValue: Int) { self.rawValue = rawValue }
}

/// Draft plus vocabularies: everything that decides how a schema object's keywords are read.
struct Dialect: Sendable, Hashable {
    var draft: SchemaDraft
    var vocabularies: Vocabularies = .all

    init(draft: SchemaDraft, vocabularies: Vocabularies = .all) {
        self.draft = draft
        self.vocabularies = vocabularies
    }
}
