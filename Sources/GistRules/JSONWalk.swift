import JSON

/// Depth-first walk over every value of a JSON document with its pointer and the key that holds it.
enum JSONWalk {
    static func forEachValue(_ root: JSONNode, _ visit: (_ pointer: String, _ key: String?, _ node: JSONNode) -> Void) {
        walk(root, pointer: "", key: nil, visit)
    }

    private static func walk(_ node: JSONNode, pointer: String, key: String?, _ visit: (String, String?, JSONNode) -> Void) {
        visit(pointer.isEmpty ? "/" : pointer, key, node)
        switch node.value {
        case .object(let members):
            for member in members {
                walk(member.value, pointer: pointer + "/" + JSONPointer.escape(member.key), key: member.key, visit)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                walk(item, pointer: pointer + "/" + String(index), key: key, visit)
            }
        default:
            break
        }
    }
}
