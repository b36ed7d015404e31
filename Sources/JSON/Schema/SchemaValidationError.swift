/// One failing keyword found while validating an instance.
public struct SchemaValidationError: Sendable, Equatable, CustomStringConvertible {
    /// RFC 6901 pointer to the failing part of the instance (`""` is the whole document).
    public var instancePointer: String
    /// Byte range of that part in the instance file (from `JSONNode.range`).
    public var instanceRange: Range<Int>
    /// The failing keyword, e.g. `required`, `type`, `additionalProperties`; `false` for a `false` schema.
    public var keyword: String
    /// Keyword location: the path through the schema as evaluated, `$ref`s included (`/properties/plan/type`).
    public var schemaPointer: String
    /// The keyword's canonical location: resource URI + `#` + pointer inside that resource.
    public var absoluteSchemaLocation: String
    /// URI of the schema document that holds the keyword, and the keyword's byte range in it.
    public var schemaDocument: String
    public var schemaRange: Range<Int>?
    /// Lower-case, no trailing period: "missing required property `version`".
    public var message: String
    /// Not a failure: evaluation stopped here without an answer (a pattern or the schema too expensive to
    /// evaluate), so the file is neither valid nor invalid.
    public var isUndecided = false

    public var description: String {
        "\(instancePointer.isEmpty ? "(root)" : instancePointer): \(message) [\(schemaPointer)]"
    }
}

/// A problem found while compiling a schema: an unresolvable `$ref`, an invalid `pattern`, …
public struct SchemaIssue: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// URI of the schema document and the JSON pointer of the offending keyword in it.
    public var document: String
    public var pointer: String
    /// Byte range of the offending value (e.g. the `$ref` string) in that document.
    public var range: Range<Int>

    public var description: String { "\(document)#\(pointer): \(message)" }
}

/// Thrown when a schema cannot be compiled; holds every issue found, not just the first.
public struct SchemaCompilationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [SchemaIssue]

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
