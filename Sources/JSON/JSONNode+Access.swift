/// Typed accessors: each returns nil when the node holds another kind of value.
extension JSONNode {
    /// The value of the LAST member named `key` (duplicates: the last wins, like `JSON.parse`).
    public subscript(key: String) -> JSONNode? { member(named: key)?.value }

    /// The last member named `key`, with its key range.
    public func member(named key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        return members.last(where: { $0.key == key })
    }

    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var stringValue: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    public var arrayValue: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// All members in source order, duplicates included.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let bool) = value { return bool }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let number) = value { return number }
        return nil
    }

    public var isNull: Bool { value == .null }

    /// The node at an RFC 6901 JSON pointer (`""` is this node, `/a/0` the first element of member `a`).
    public func node(at pointer: String) -> JSONNode? {
        guard let tokens = JSONPointer.tokens(of: pointer) else { return nil }
        var current = self
        for token in tokens {
            guard let next = current.child(token: token) else { return nil }
            current = next
        }
        return current
    }

    /// The child named by one unescaped pointer token: a member key, or a canonical array index.
    public func child(token: String) -> JSONNode? {
        switch value {
        case .object:
            return self[token]
        case .array(let elements):
            guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return nil }
            return elements[index]
        default:
            return nil
        }
    }
}

extension JSONValue {
    /// A short name of the value's JSON type, as JSON Schema spells types (`integer` for integral numbers).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
