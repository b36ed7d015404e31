import JSON

/// Where a walk is in a JSON document: the keys and indices from the root, turned into a JSON pointer only
/// when a finding needs it (most values of most files are never reported, so pointers are not built per value).
struct JSONPath {
    enum Token {
        case key(String)
        case index(Int)
    }

    fileprivate(set) var tokens: [Token] = []

    /// The RFC 6901 pointer (`""` for the root).
    var pointer: String {
        var pointer = ""
        for token in tokens {
            switch token {
            case .key(let key): pointer = JSONPointer.appending(pointer, key)
            case .index(let index): pointer = JSONPointer.appending(pointer, index)
            }
        }
        return pointer
    }

    /// The pointer for messages, with `/` for the root.
    var displayPointer: String { tokens.isEmpty ? "/" : pointer }

    /// Whether any key on the way from the root satisfies `predicate`.
    func containsKey(where predicate: (String) -> Bool) -> Bool {
        tokens.contains { if case .key(let key) = $0 { return predicate(key) } else { return false } }
    }
}

/// One value met by `JSONPathWalk`.
struct JSONVisit {
    var path: JSONPath
    /// The nearest key above the value (array elements get their array's key).
    var key: String?
    /// The member whose value this is; nil for the root and array elements.
    var holder: JSONMember?
    var node: JSONNode
}

/// Depth-first walk over every value with its path; `visit` returns false to skip the value's children.
enum JSONPathWalk {
    static func walk(_ root: JSONNode, _ visit: (JSONVisit) -> Bool) {
        var path = JSONPath()
        descend(root, key: nil, holder: nil, path: &path, visit)
    }

    private static func descend(_ node: JSONNode, key: String?, holder: JSONMember?, path: inout JSONPath, _ visit: (JSONVisit) -> Bool) {
        guard visit(JSONVisit(path: path, key: key, holder: holder, node: node)) else { return }
        switch node.value {
        case .object(let members):
            for member in members {
                path.tokens.append(.key(member.key))
                descend(member.value, key: member.key, holder: member, path: &path, visit)
                path.tokens.removeLast()
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                path.tokens.append(.index(index))
                descend(item, key: key, holder: nil, path: &path, visit)
                path.tokens.removeLast()
            }
        default:
            break
        }
    }
}
