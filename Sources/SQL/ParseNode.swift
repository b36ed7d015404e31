import JSON

/// A node of libpg_query's JSON parse tree, read with forgiving accessors: libpg_query leaves out fields that
/// are zero, false or empty, so a missing key reads as `nil` / `false` / `0` / `[]`.
///
/// This is the seam between the statement decoder and the JSON reader: only this file knows the reader.
struct ParseNode: Sendable {
    private let json: JSONTapeValue?

    private init(_ json: JSONTapeValue?) { self.json = json }

    /// Decodes libpg_query's JSON output; `nil` if it is not JSON or nests deeper than the JSON reader allows.
    ///
    /// Read as a tape (one flat array) rather than a node tree: building and freeing a tree per statement cost more
    /// than libpg_query's own parse.
    static func decode(_ json: [UInt8]) -> ParseNode? {
        guard let root = JSONTape.parse(json) else { return nil }
        return ParseNode(root)
    }

    subscript(key: String) -> ParseNode { ParseNode(json?[key]) }

    var string: String? { json?.stringValue }

    var int: Int {
        if let number = json?.intValue { return number }
        return json?.boolValue == true ? 1 : 0
    }

    var bool: Bool { json?.boolValue ?? (int != 0) }

    var isMissing: Bool { json?.isNull ?? true }

    var array: [ParseNode] { json?.elements.map(ParseNode.init) ?? [] }

    /// The members of an object node, in source order (empty for other nodes).
    var members: [(key: String, node: ParseNode)] {
        json?.members.map { ($0.key, ParseNode($0.value)) } ?? []
    }

    /// An object member's name, compared without building a string.
    struct Key {
        fileprivate let key: JSONTapeKey
        func matches(_ name: String) -> Bool { key.matches(name) }
        var string: String { key.string }
    }

    /// Calls `body` with each member of an object node, in source order; allocates nothing (recursive walks use
    /// this rather than `members`).
    func forEachMember(_ body: (Key, ParseNode) -> Void) {
        json?.forEachMember { key, value in body(Key(key: key), ParseNode(value)) }
    }

    /// Calls `body` with each element of an array node, in order; allocates nothing.
    func forEachElement(_ body: (ParseNode) -> Void) {
        json?.forEachElement { body(ParseNode($0)) }
    }

    /// A node wrapper such as `{"CreateStmt": {…}}`: its tag and its fields.
    var tagged: (tag: String, node: ParseNode)? {
        guard let member = json?.singleMember else { return nil }
        return (member.key.string, ParseNode(member.value))
    }

    /// The fields of a wrapper with the given tag (`{"String": {…}}` → the inner object).
    func unwrap(_ tag: String) -> ParseNode? {
        guard let member = json?.singleMember, member.key.matches(tag) else { return nil }
        return ParseNode(member.value)
    }

    /// Every string constant in the subtree (`A_Const` with an `sval`), each once, in order.
    var stringConstants: [String] {
        var found: [String] = []
        if let json { Self.collectStringConstants(json, into: &found) }
        return found
    }

    private static func collectStringConstants(_ node: JSONTapeValue, into found: inout [String]) {
        node.forEachWrapped("A_Const") { constant in
            if let value = constant["sval"]?["sval"]?.stringValue, !found.contains(value) { found.append(value) }
        }
    }
}
