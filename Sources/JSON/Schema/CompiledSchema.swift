/// The compiled form of a schema: an arena of schema objects that refer to each other by index, so that
/// recursive `$ref`s cost nothing and the schema JSON is never walked again while validating.
struct CompiledProgram: Sendable {
    var schemas: [CompiledSchema]
    var resources: [CompiledResource]
    var root: Int
}

/// One schema resource (`$id` or document root) as the dynamic scope sees it.
struct CompiledResource: Sendable {
    var uri: String
    /// `$dynamicAnchor` name to the compiled schema carrying it (2020-12).
    var dynamicAnchors: [String: Int] = [:]
    /// The resource root when it has `"$recursiveAnchor": true` (2019-09).
    var recursiveAnchorRoot: Int?
}

struct CompiledSchema: Sendable {
    enum Body: Sendable {
        case boolean(Bool)
        case keywords([CompiledKeyword])
    }

    var body: Body
    var resource: Int
    /// `resourceURI#pointer-in-resource`: the canonical location of this schema.
    var absoluteLocation: String
    var document: String
    /// Whether this schema object has `unevaluatedProperties`/`unevaluatedItems` (it then needs annotations).
    var hasUnevaluated = false

    static let placeholder = CompiledSchema(body: .boolean(true), resource: 0, absoluteLocation: "", document: "")
}

/// A keyword of a schema object: its name, where it sits in the schema document, and what it checks.
struct CompiledKeyword: Sendable {
    var name: String
    /// Range of the member (key through value) in the schema document.
    var range: Range<Int>
    var check: KeywordCheck
}

/// Which JSON types a `type` keyword admits.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let integer = JSONTypeSet(rawValue: 1 << 2)
    static let number = JSONTypeSet(rawValue: 1 << 3)
    static let string = JSONTypeSet(rawValue: 1 << 4)
    static let array = JSONTypeSet(rawValue: 1 << 5)
    static let object = JSONTypeSet(rawValue: 1 << 6)
    /// Draft-04: an integer is "a JSON number without a fraction or exponent part", so `1.0` is not one.
    static let integerWithoutFraction = JSONTypeSet(rawValue: 1 << 7)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .number(let number):
            contains(.number) || (contains(.integer) && number.isInteger
                && !(contains(.integerWithoutFraction) && number.literal.contains { $0 == "." || $0 == "e" || $0 == "E" }))
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        }
    }
}

/// A subschema reached through a keyword, with the pointer tokens that lead to it (for `schemaPointer`).
struct SubschemaEdge: Sendable {
    var path: String
    var schema: Int
}

struct PropertyEdge: Sendable {
    var name: String
    var edge: SubschemaEdge
}

struct PatternEdge: Sendable {
    var regex: ECMARegex
    var edge: SubschemaEdge
}

/// What one keyword checks. Subschemas are arena indices.
enum KeywordCheck: Sendable {
    case type(JSONTypeSet, names: [String])
    case constant(JSONValue)
    case enumeration([JSONValue])
    case multipleOf(JSONNumber)
    case minimum(JSONNumber, exclusive: Bool)
    case maximum(JSONNumber, exclusive: Bool)
    case minLength(Int)
    case maxLength(Int)
    case pattern(ECMARegex)
    case format(String, assert: Bool, draft: SchemaDraft)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([(property: String, requires: [String])])
    /// `properties`, keyed by name (duplicate names in the schema: the last wins).
    case properties([String: SubschemaEdge])
    case patternProperties([PatternEdge])
    case additionalProperties(SubschemaEdge, known: Set<String>, patterns: [ECMARegex])
    case propertyNames(SubschemaEdge)
    case dependentSchemas([PropertyEdge])
    /// Draft-07 `dependencies`: the array form (required properties) and the schema form together.
    case dependencies(required: [(property: String, requires: [String])], schemas: [PropertyEdge])
    /// Positional schemas: `prefixItems`, or the array form of `items` before 2020-12.
    case prefixItems([SubschemaEdge])
    /// A schema for every item from `start` on: `items` (2020-12 after `prefixItems`; older object form) or
    /// `additionalItems`.
    case items(SubschemaEdge, start: Int)
    case contains(SubschemaEdge, min: Int, max: Int?, annotates: Bool)
    case allOf([SubschemaEdge])
    case anyOf([SubschemaEdge])
    case oneOf([SubschemaEdge])
    case not(SubschemaEdge)
    case conditional(if: SubschemaEdge, then: SubschemaEdge?, else: SubschemaEdge?)
    case ref(SubschemaEdge)
    /// `$dynamicRef`: the static target, and the anchor name when the target is a `$dynamicAnchor` (then the
    /// outermost resource in the dynamic scope with that anchor wins).
    case dynamicRef(SubschemaEdge, anchor: String?)
    /// `$recursiveRef` (2019-09): the static target is the current resource root.
    case recursiveRef(SubschemaEdge)
    case unevaluatedProperties(SubschemaEdge)
    case unevaluatedItems(SubschemaEdge)
    /// Draft-07 `contentEncoding` (base64) and `contentMediaType` (application/json) as assertions; later
    /// drafts made them annotations only.
    case content(encoding: String?, mediaType: String?)
    /// A `$ref` that did not resolve (reported at compile time; fails every instance).
    case unresolved(String)
}
