import Catalog

/// `CREATE/ALTER POLICY` and the security options of functions.
extension StatementDecoder {
    func policy(_ node: ParseNode, isAlter: Bool) -> PolicyStatement {
        let roles: [String]? = node["roles"].isMissing ? nil : Self.roleNames(node["roles"])
        let command = isAlter ? nil : Policy.Command(rawValue: node["cmd_name"].string ?? "all") ?? .all
        return PolicyStatement(name: node["policy_name"].string ?? "", table: node["table"].rangeVarName, isAlter: isAlter,
                               command: command, permissive: isAlter || node["permissive"].bool, roles: roles,
                               using: policyExpression(node["qual"]), withCheck: policyExpression(node["with_check"]))
    }

    /// `RoleSpec` nodes as lowercased names: `public` for `PUBLIC`, `current_user` for the other special roles.
    private static func roleNames(_ list: ParseNode) -> [String] {
        list.array.compactMap { role in
            guard let spec = role.unwrap("RoleSpec") else { return nil }
            switch spec["roletype"].string {
            case "ROLESPEC_PUBLIC": return "public"
            case "ROLESPEC_CSTRING": return spec["rolename"].string?.lowercased()
            default: return "current_user"
            }
        }
    }

    /// A `GrantStmt` on tables; nil for other objects (schemas, functions, sequences) and role grants.
    /// `defaultsIn` is set for the action of `ALTER DEFAULT PRIVILEGES` (the schemas it names).
    func grant(_ node: ParseNode, defaultsIn schemas: [String]?) -> TableGrant? {
        guard node["objtype"].string == "OBJECT_TABLE" else { return nil }
        let target: TableGrant.Target
        if let schemas {
            target = .futureTables(schemas: schemas)
        } else if node["targtype"].string == "ACL_TARGET_ALL_IN_SCHEMA" {
            target = .allTablesIn(schemas: node["objects"].stringList)
        } else {
            target = .tables(node["objects"].array.compactMap { $0.unwrap("RangeVar")?.rangeVarName })
        }
        let privileges = node["privileges"].array.compactMap { $0.unwrap("AccessPriv")?["priv_name"].string?.lowercased() }
        return TableGrant(isGrant: node["is_grant"].bool, target: target, privileges: privileges,
                          grantees: Self.roleNames(node["grantees"]))
    }

    private func policyExpression(_ node: ParseNode) -> PolicyExpression? {
        guard !node.isMissing else { return nil }
        let start = node.smallestLocation.map(position) ?? statementRange.lowerBound
        let range = significantToken(from: start, limit: statementRange.upperBound)?.range ?? statementRange
        var calls: [FunctionCall] = []
        collectPerRowCalls(node, into: &calls)
        return PolicyExpression(range: range, isAlwaysTrue: Self.isTrue(node), perRowCalls: calls)
    }

    /// `true`, as libpg_query gives it (`A_Const` boolean, or `'t'::bool` in older trees).
    private static func isTrue(_ node: ParseNode) -> Bool {
        if let constant = node.unwrap("A_Const") { return constant["boolval"]["boolval"].bool }
        if let cast = node.unwrap("TypeCast") {
            return cast["typeName"]["names"].stringList.last == "bool"
                && cast["arg"].unwrap("A_Const")?["sval"]["sval"].string == "t"
        }
        return false
    }

    private static let perRowFunctions: Set<String> = ["auth.uid", "auth.jwt", "auth.role", "current_setting", "pg_catalog.current_setting"]

    /// Walks the expression for the calls PostgreSQL makes for every row it checks, or, inside a subquery, for every
    /// row the subquery reads.
    private func collectPerRowCalls(_ node: ParseNode, into calls: inout [FunctionCall], inSubquery: Bool = false) {
        if let call = node.unwrap("FuncCall") {
            let name = ParseNode.qualifiedName(parts: call["funcname"].stringList)
            if Self.perRowFunctions.contains(name.description.lowercased()) {
                calls.append(FunctionCall(name: name, range: callRange(at: call["location"].int), isInSubquery: inSubquery))
                return
            }
        }
        if let link = node.unwrap("SubLink") {
            if link["subLinkType"].string == "EXPR_SUBLINK",
               let select = link["subselect"].unwrap("SelectStmt"), select["fromClause"].isMissing,
               select["whereClause"].isMissing, select["targetList"].array.count == 1,
               let target = select["targetList"].array.first?.unwrap("ResTarget") {
                // A `(select …)` that reads no table and no column of the row is an init plan: its whole expression
                // is evaluated once per statement, calls in it included (`(select auth.jwt() ->> 'team_id')::uuid`).
                // One that names a column is correlated, run for every row with every call in it.
                var readsTheRow = false
                target["val"].forEachWrapped("ColumnRef") { _ in
                    readsTheRow = true
                    return false
                }
                guard readsTheRow else { return }
                collectPerRowCalls(target["val"], into: &calls, inSubquery: inSubquery)
                return
            }
            // `IN (SELECT …)`, `EXISTS (…)`, a scalar subquery over a table: its calls run per row it reads (the
            // tested expression before `IN` is still the policy's own).
            link.forEachMember { key, member in collectPerRowCalls(member, into: &calls, inSubquery: inSubquery || key.matches("subselect")) }
            return
        }
        if let wrapped = node.wrappedNode { return collectPerRowCalls(wrapped, into: &calls, inSubquery: inSubquery) }
        node.forEachElement { collectPerRowCalls($0, into: &calls, inSubquery: inSubquery) }
        node.forEachMember { _, member in collectPerRowCalls(member, into: &calls, inSubquery: inSubquery) }
    }

    /// `auth.uid()`: from the name to its closing parenthesis.
    private func callRange(at location: Int) -> Range<Int> {
        let start = position(location)
        var depth = 0
        var p = start
        while let token = significantToken(from: p, limit: statementRange.upperBound) {
            p = token.range.upperBound
            if token.kind == .punctuation(UInt8(ascii: "(")) { depth += 1 }
            if token.kind == .punctuation(UInt8(ascii: ")")) {
                depth -= 1
                if depth <= 0 { return start..<p }
            }
        }
        return start..<max(start, p)
    }

    /// `SECURITY DEFINER` / `SET search_path` among a function's options (`CREATE FUNCTION … options`,
    /// `ALTER FUNCTION … actions`).
    func functionSecurity(_ options: ParseNode) -> FunctionSecurity? {
        var security = FunctionSecurity()
        for option in options.array {
            guard let element = option.unwrap("DefElem") else { continue }
            switch element["defname"].string {
            case "security":
                security.securityDefiner = element["arg"].unwrap("Boolean")?["boolval"].bool ?? element["arg"].bool
            case "set":
                guard let set = element["arg"].unwrap("VariableSetStmt") else { continue }
                let name = set["name"].string?.lowercased()
                if set["kind"].string == "VAR_RESET_ALL" {
                    security.setsSearchPath = false
                } else if name == "search_path" {
                    security.setsSearchPath = set["kind"].string != "VAR_RESET"
                }
            default: continue
            }
        }
        return security == FunctionSecurity() ? nil : security
    }
}
