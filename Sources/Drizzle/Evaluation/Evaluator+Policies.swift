import Catalog

/// Row-level security in a schema: `pgPolicy(...)`, `pgRole(...)` and `crudPolicy(...)` (drizzle-orm/neon).
extension Evaluator {
    /// `authUsers` of drizzle-orm/supabase: `auth.table('users', { id: uuid().primaryKey().notNull() })`, so that
    /// `.references(() => authUsers.id)` resolves. It is a table of the registry, not of the schema, unless a schema
    /// file exports it (as drizzle-kit would see it then).
    func authUsersTable() -> Value {
        if let index = supabaseAuthUsers { return .table(index) }
        let id = ColumnBuilder(builder: "uuid", explicitName: nil, baseType: "uuid", notNull: true, primaryKey: true,
                               location: .none)
        tables.append(TableState(schema: "auth", name: "users", columns: [("id", id, .none)], extraConfig: .undefined,
                                 location: .none, nameLocation: .none))
        supabaseAuthUsers = tables.count - 1
        return .table(tables.count - 1)
    }

    /// `pgPolicy(name, { as, for, to, using, withCheck })`.
    func makePolicy(_ site: CallSite) -> Value {
        guard let name = site.string(0) else {
            report(.unevaluable, "cannot evaluate the policy's name", at: site.location(of: 0))
            return .unknown("a policy with an unknown name")
        }
        var spec = PolicySpec(name: name, location: site.location)
        switch site.argument(1) {
        case .undefined: break
        case .object(let options): readPolicyOptions(options, into: &spec)
        default:
            report(.unevaluable, "cannot evaluate the options of policy \(name)", at: site.location(of: 1))
            spec.unreadable = [.command, .permissive, .roles, .using, .withCheck]
        }
        return .constraint(.policy(spec))
    }

    private func readPolicyOptions(_ options: ObjectValue, into spec: inout PolicySpec) {
        func location(_ key: String) -> SourceLocation {
            options.properties.last { $0.key == key }?.location ?? spec.location
        }
        func unreadable(_ part: Policy.Part, _ key: String, _ value: Value) {
            let reason = if case .unknown(let why) = value { ": \(why)" } else { "" }
            report(.unevaluable, "cannot evaluate `\(key)` of policy \(spec.name)\(reason)", at: location(key))
            spec.unreadable.insert(part)
        }
        if let value = options["as"], !value.isNullish {
            switch value.stringValue?.lowercased() {
            case "permissive": spec.permissive = true
            case "restrictive": spec.permissive = false
            default: unreadable(.permissive, "as", value)
            }
        }
        if let value = options["for"], !value.isNullish {
            if let command = value.stringValue.flatMap({ Policy.Command(rawValue: $0.lowercased()) }) {
                spec.command = command
            } else {
                unreadable(.command, "for", value)
            }
        }
        if let value = options["to"], !value.isNullish {
            if let roles = Self.roleNames(value) { spec.roles = roles } else { unreadable(.roles, "to", value) }
        }
        for (key, part) in [("using", Policy.Part.using), ("withCheck", .withCheck)] {
            guard let value = options[key], !value.isNullish else { continue }
            guard case .sql(let fragment) = value else {
                unreadable(part, key, value)
                continue
            }
            if part == .using { spec.using = (fragment, location(key)) } else { spec.withCheck = (fragment, location(key)) }
        }
    }

    /// `to`: a role name, a role, or an array of them, lowercased; nil when one is unknown.
    static func roleNames(_ value: Value) -> [String]? {
        switch value {
        case .string(let name), .role(let name): return [name.lowercased()]
        case .array(let elements):
            var names: [String] = []
            for element in elements {
                guard let more = roleNames(element) else { return nil }
                names += more
            }
            return names
        default: return nil
        }
    }

    /// `pgRole(name, options?)`: only its name matters to policies.
    func makeRole(_ site: CallSite) -> Value {
        guard let name = site.string(0) else { return .unknown("a role with an unknown name") }
        return .role(name)
    }

    /// `crudPolicy({ role, read, modify })` (drizzle-orm/neon): a `select` policy from `read` and `insert`, `update`,
    /// `delete` policies from `modify`, named `crud-<roles>-policy-<command>`; `true`/`false` become `sql\`true\``/
    /// `sql\`false\``, `null` makes no policy.
    func makeCrudPolicy(_ site: CallSite) -> Value {
        guard let options = site.object(0), let role = options["role"], let roles = Self.roleNames(role) else {
            report(.unevaluable, "cannot evaluate the role of this crudPolicy", at: site.location)
            return .unknown("a crudPolicy the reader cannot evaluate")
        }
        func location(_ key: String) -> SourceLocation {
            options.properties.last { $0.key == key }?.location ?? site.location
        }
        /// nil when the key makes no policy (`null`); an unknown expression leaves the clause unreadable.
        func clause(_ key: String) -> CrudClause? {
            switch options[key] {
            case .bool(let flag)?: return .known(SQLFragment(text: flag ? "true" : "false"), location(key))
            case .sql(let fragment)?: return .known(fragment, location(key))
            case .null?, nil, .undefined?: return nil
            case let other?:
                let reason = if case .unknown(let why) = other { ": \(why)" } else { "" }
                report(.unevaluable, "cannot evaluate `\(key)` of this crudPolicy\(reason)", at: location(key))
                return .unknown
            }
        }
        let prefix = "crud-\(roles.joined(separator: "-"))-policy-"
        func policy(_ command: Policy.Command, using: CrudClause?, withCheck: CrudClause?) -> Value {
            var spec = PolicySpec(name: prefix + command.rawValue, command: command, roles: roles, location: site.location)
            for (clause, part) in [(using, Policy.Part.using), (withCheck, .withCheck)] {
                switch clause {
                case .known(let fragment, let location)?:
                    if part == .using { spec.using = (fragment, location) } else { spec.withCheck = (fragment, location) }
                case .unknown?: spec.unreadable.insert(part)
                case nil: continue
                }
            }
            return .constraint(.policy(spec))
        }
        var policies: [Value] = []
        if let read = clause("read") { policies.append(policy(.select, using: read, withCheck: nil)) }
        if let modify = clause("modify") {
            policies.append(policy(.insert, using: nil, withCheck: modify))
            policies.append(policy(.update, using: modify, withCheck: modify))
            policies.append(policy(.delete, using: modify, withCheck: nil))
        }
        return .array(policies)
    }
}

/// A `read` or `modify` expression of `crudPolicy`.
private enum CrudClause {
    case known(SQLFragment, SourceLocation)
    case unknown
}
