import JSON

/// A node of libpg_query's JSON parse tree, read with forgiving accessors: libpg_query leaves out fields that
/// are zero, false or empty, so a missing key reads as `nil` / `false` / `0` / `[]`.
///
/// This is the seam between the statement decoder and the JSON reader: only this file knows the reader.
struct ParseNode: Sendable {
    private let json: JSONNode?

    private init(_ json: JSONNode?) { self.json = json }

    /// Decodes libpg_query's JSON output; `nil` if it is not JSON (never expected).
    static func decode(_ json: [UInt8]) -> ParseNode? {
        guard case .success(let root) = JSONReader.parse(json) else { return nil }
        return ParseNode(root)
    }

    subscript(key: String) -> ParseNode { ParseNode(json?[key]) }

    var string: String? { json?.stringValue }

    var int: Int {
        if let number = json?.numberValue { return number.intValue ?? 0 }
        return json?.boolValue == true ? 1 : 0
    }

    var bool: Bool { json?.boolValue ?? (int != 0) }

    var isMissing: Bool { json?.isNull ?? true }

    var array: [ParseNode] { json?.arrayValue?.map(ParseNode.init) ?? [] }

    /// The members of an object node, in source order (empty for other nodes).
    var members: [(key: String, node: ParseNode)] {
        json?.objectMembers?.map { ($0.key, ParseNode($0.value)) } ?? []
    }

    /// A node wrapper such as `{"CreateStmt": {…}}`: its tag and its fields.
    var tagged: (tag: String, node: ParseNode)? {
        guard let members = json?.objectMembers, members.count == 1, let member = members.first else { return nil }
        return (member.key, ParseNode(member.value))
    }

    /// The fields of a wrapper with the given tag (`{"String": {…}}` → the inner object).
    func unwrap(_ tag: String) -> ParseNode? {
        guard let wrapped = tagged, wrapped.tag == tag else { return nil }
        return wrapped.node
    }
}
