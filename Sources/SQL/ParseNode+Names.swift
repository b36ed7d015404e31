import Catalog

/// Reading names out of libpg_query nodes.
extension ParseNode {
    /// `[{"String": {"sval": "a"}}, …]` → `["a", …]` (other items are skipped).
    var stringList: [String] {
        array.compactMap { $0.unwrap("String")?["sval"].string }
    }

    /// A `RangeVar` (`relation`, `pktable`) as a qualified name.
    var rangeVarName: QualifiedName {
        QualifiedName(schema: self["schemaname"].string, name: self["relname"].string ?? "")
    }

    /// Name parts (`["public", "status"]`) as a qualified name: the last part is the name, the one before the schema.
    static func qualifiedName(parts: [String]) -> QualifiedName {
        QualifiedName(schema: parts.count >= 2 ? parts[parts.count - 2] : nil, name: parts.last ?? "")
    }

    /// The columns an expression reads (`ColumnRef`s; `t.c` gives `c`), each once, in order.
    var columnReferences: [String] {
        var found: [String] = []
        forEachWrapped("ColumnRef") { reference in
            if let name = reference["fields"].stringList.last, !found.contains(name) { found.append(name) }
            return false
        }
        return found
    }

    /// The smallest `location` anywhere in this subtree: where an expression's text starts
    /// (an operator's own location is that of the operator, not of its left operand).
    var smallestLocation: Int? {
        var best: Int?
        forEachMemberInside { key, member in
            guard key.matches("location") else { return true }
            let candidate = member.int
            if candidate >= 0, candidate < (best ?? .max) { best = candidate }
            return false
        }
        return best
    }

    /// Built-in functions PostgreSQL marks volatile that migrations use in defaults (`pg_proc.provolatile = 'v'`).
    /// A function not listed (a user's own, or a stable one like `now()`) does not count: never guessed volatile.
    static let volatileFunctions: Set<String> = [
        "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7",
        "random", "random_normal", "clock_timestamp", "timeofday", "nextval", "setseed",
    ]

    /// Whether the expression calls one of `volatileFunctions`.
    var callsVolatileFunction: Bool {
        var found = false
        forEachWrapped("FuncCall") { call in
            if !found, let name = call["funcname"].stringList.last, Self.volatileFunctions.contains(name.lowercased()) { found = true }
            return !found
        }
        return found
    }
}
