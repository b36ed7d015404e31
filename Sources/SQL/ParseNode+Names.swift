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
        collectColumnReferences(into: &found)
        return found
    }

    private func collectColumnReferences(into found: inout [String]) {
        if let reference = unwrap("ColumnRef") {
            if let name = reference["fields"].stringList.last, !found.contains(name) { found.append(name) }
            return
        }
        for (_, member) in members { member.collectColumnReferences(into: &found) }
        for item in array { item.collectColumnReferences(into: &found) }
    }

    /// The smallest `location` anywhere in this subtree: where an expression's text starts
    /// (an operator's own location is that of the operator, not of its left operand).
    var smallestLocation: Int? {
        var best: Int?
        forEachMember { key, member in
            let candidate = key.matches("location") ? (member.int >= 0 ? member.int : nil) : member.smallestLocation
            if let candidate, candidate < (best ?? .max) { best = candidate }
        }
        forEachElement { item in
            if let candidate = item.smallestLocation, candidate < (best ?? .max) { best = candidate }
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
        if let call = unwrap("FuncCall"), let name = call["funcname"].stringList.last, Self.volatileFunctions.contains(name.lowercased()) {
            return true
        }
        var found = false
        forEachMember { _, member in found = found || member.callsVolatileFunction }
        forEachElement { item in found = found || item.callsVolatileFunction }
        return found
    }

}
