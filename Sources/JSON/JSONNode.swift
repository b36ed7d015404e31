/// A JSON value together with the byte range of its text in the source (0-based, end exclusive).
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    /// Byte offsets of the value's text, e.g. from `{` to `}` inclusive, or the quotes of a string.
    public var range: Range<Int>

    public init(value: JSONValue, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

/// The JSON data model. Objects keep every member in source order, duplicates included, so that lint
/// rules can see them; lookups by key use the last duplicate, like `JSON.parse`.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

/// One `"key": value` pair of an object, with the range of the key's text (quotes included).
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyRange: Range<Int>
    public var value: JSONNode

    public init(key: String, keyRange: Range<Int>, value: JSONNode) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A located syntax error; `range` covers the offending token (or the end of input).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var range: Range<Int>
    /// The error is a comma before a closing bracket, which `range` covers: deleting it fixes this error.
    public var isTrailingComma = false

    public init(message: String, range: Range<Int>) {
        self.message = message
        self.range = range
    }

    public var description: String { "\(message) at bytes \(range.lowerBound)..<\(range.upperBound)" }
}
