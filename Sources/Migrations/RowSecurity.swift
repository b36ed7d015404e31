import Catalog
import SQL

/// Row-level security after the last migration of a folder, replayed statically from its SQL: which tables the
/// migrations create, whether RLS is on for each, their policies, and the security of the functions they define.
public struct RowSecurity: Sendable {
    /// Where a statement is: the migration file and the bytes of the statement (or the part of it that matters).
    public struct Site: Sendable, Equatable {
        public var path: String
        public var range: Range<Int>
    }

    public struct Table: Sendable {
        public var name: QualifiedName
        /// The `CREATE TABLE`.
        public var created: Site
        public var rlsEnabled = false
        /// `FORCE ROW LEVEL SECURITY`: the table's owner is subject to its policies too.
        public var rlsForced = false
        /// The statement that last enabled or disabled RLS (nil: never touched since the table was created).
        public var rlsChanged: Site?
        /// The table privileges `anon` and `authenticated` hold, by role: Supabase grants them every privilege on
        /// tables the migrations create (its default privileges), and GRANT/REVOKE change that.
        public var clientPrivileges: [String: Set<String>]
        /// Policies by name.
        public var policies: [String: Policy] = [:]
        /// A statement PostgreSQL's parser could not read came after this table existed: what it did to the table
        /// is unknown, so no verdict is given about it.
        public var isUnknown = false

        /// `anon` or `authenticated` may still read or change rows through the API.
        public var isReachableByClients: Bool {
            clientPrivileges.values.contains { !$0.isDisjoint(with: RowSecurity.rowPrivileges) }
        }
    }

    public struct Policy: Sendable {
        public var name: String
        public var table: QualifiedName
        public var command: PolicyStatement.Command
        public var permissive: Bool
        /// Lowercased; `public` when the policy names no role.
        public var roles: [String]
        public var using: Expression?
        public var withCheck: Expression?
        /// The `CREATE POLICY` (or the last `ALTER POLICY`).
        public var site: Site
    }

    /// A policy expression and the statement that wrote it.
    public struct Expression: Sendable {
        public var statement: Site
        public var expression: PolicyExpression

        /// From the start of the statement to the end of `part` (inside it): the finding starts on the statement's
        /// first line and ends at what it is about.
        public func site(upTo part: Range<Int>) -> Site {
            Site(path: statement.path, range: statement.range.lowerBound..<max(statement.range.lowerBound, part.upperBound))
        }
    }

    public struct Function: Sendable {
        public var name: QualifiedName
        public var securityDefiner: Bool
        public var setsSearchPath: Bool
        /// The `CREATE [OR REPLACE] FUNCTION` that defined the current body.
        public var site: Site
        /// A statement the parser could not read came after it (it may have replaced or altered the function).
        public var isUnknown = false
    }

    /// The roles Supabase's API runs client requests as.
    public static let clientRoles = ["anon", "authenticated"]
    static let allTablePrivileges: Set<String> = ["select", "insert", "update", "delete", "truncate", "references", "trigger"]
    /// The privileges that read or change rows (what RLS guards).
    static let rowPrivileges: Set<String> = ["select", "insert", "update", "delete"]

    /// The privileges tables created later get, per schema (`""`: every schema), by client role: Supabase's default
    /// privileges, as `ALTER DEFAULT PRIVILEGES` changed them.
    private var defaultPrivileges: [String: [String: Set<String>]] = [:]

    /// Tables the migrations create, by name, still existing after the last one.
    public var tables: [QualifiedName: Table] = [:]
    /// Policies on tables the migrations do not create (`storage.objects`), by table and name.
    public var foreignPolicies: [QualifiedName: [String: Policy]] = [:]
    /// Functions and procedures by schema-qualified name (overloads share one entry: the last definition wins).
    public var functions: [QualifiedName: Function] = [:]

    public init() {}

    /// Every policy still defined after the last migration.
    public var allPolicies: [Policy] {
        (tables.values.flatMap { $0.policies.values } + foreignPolicies.values.flatMap(\.values))
            .sorted { ($0.site.path, $0.site.range.lowerBound) < ($1.site.path, $1.site.range.lowerBound) }
    }

    /// Replays every step's statements in applied order.
    public static func replay(_ steps: [MigrationStep]) -> RowSecurity {
        var state = RowSecurity()
        for step in steps {
            guard let script = step.script else { continue }
            for statement in script.sql.allStatements { state.apply(statement, path: script.path) }
            if !script.sql.syntaxErrors.isEmpty {
                for name in state.tables.keys { state.tables[name]?.isUnknown = true }
                for name in state.functions.keys { state.functions[name]?.isUnknown = true }
            }
        }
        return state
    }

    private mutating func apply(_ statement: SQLStatement, path: String) {
        let site = Site(path: path, range: statement.range)
        switch statement.kind {
        case .createTable(let create):
            let name = create.name.canonical
            if create.ifNotExists, tables[name] != nil { return }
            tables[name] = Table(name: name, created: site, clientPrivileges: privilegesForNewTable(in: name.resolvedSchema))
        case .dropTable(let drop):
            for name in drop.names { tables[name.canonical] = nil }
        case .alterTable(let alter) where alter.objectKind == .table:
            let name = alter.table.canonical
            for action in alter.actions {
                guard case .rowSecurity(let change) = action.kind else { continue }
                switch change {
                case .enable: setRowSecurity(true, on: name, site: site)
                case .disable: setRowSecurity(false, on: name, site: site)
                case .force: tables[name]?.rlsForced = true
                case .noForce: tables[name]?.rlsForced = false
                }
            }
        case .rename(let rename):
            apply(rename)
        case .policy(let policy):
            apply(policy, site: site)
        case .drop(let drop) where drop.objectKind == .policy:
            guard let relation = drop.relation.map(\.canonical) else { return }
            for name in drop.names { updatePolicies(of: relation) { $0[name.name] = nil } }
        case .drop(let drop) where drop.objectKind == .function || drop.objectKind == .procedure:
            for name in drop.names { functions[name.canonical] = nil }
        case .create(let object) where object.objectKind == .function || object.objectKind == .procedure:
            functions[object.name.canonical] = Function(name: object.name, securityDefiner: object.security?.securityDefiner ?? false,
                                                         setsSearchPath: object.security?.setsSearchPath ?? false, site: site)
        case .grant(let grant):
            apply(grant)
        case .alterFunction(let alter):
            guard var function = functions[alter.name.canonical] else { return }
            if let definer = alter.security.securityDefiner { function.securityDefiner = definer }
            if let sets = alter.security.setsSearchPath { function.setsSearchPath = sets }
            functions[alter.name.canonical] = function
        default:
            return
        }
    }

    private func privilegesForNewTable(in schema: String) -> [String: Set<String>] {
        var privileges: [String: Set<String>] = [:]
        for role in Self.clientRoles {
            privileges[role] = defaultPrivileges[schema]?[role] ?? defaultPrivileges[""]?[role] ?? Self.allTablePrivileges
        }
        return privileges
    }

    /// GRANT/REVOKE to `anon`, `authenticated` or `PUBLIC` (which includes them); other roles do not matter here.
    private mutating func apply(_ grant: TableGrant) {
        let roles = grant.grantees.contains("public") && grant.isGrant
            ? Self.clientRoles : Self.clientRoles.filter(grant.grantees.contains)
        guard !roles.isEmpty else { return }
        let privileges = grant.privileges.isEmpty ? Self.allTablePrivileges : Set(grant.privileges)
        func change(_ held: inout Set<String>) {
            if grant.isGrant { held.formUnion(privileges) } else { held.subtract(privileges) }
        }
        switch grant.target {
        case .tables(let names):
            for name in names.map(\.canonical) where tables[name] != nil {
                for role in roles { change(&tables[name]!.clientPrivileges[role, default: []]) }
            }
        case .allTablesIn(let schemas):
            for name in tables.keys where schemas.contains(name.resolvedSchema) {
                for role in roles { change(&tables[name]!.clientPrivileges[role, default: []]) }
            }
        case .futureTables(let schemas):
            for schema in schemas.isEmpty ? [""] : schemas {
                for role in roles {
                    var held = defaultPrivileges[schema]?[role] ?? defaultPrivileges[""]?[role] ?? Self.allTablePrivileges
                    change(&held)
                    defaultPrivileges[schema, default: [:]][role] = held
                }
            }
        }
    }

    private mutating func setRowSecurity(_ enabled: Bool, on name: QualifiedName, site: Site) {
        guard tables[name] != nil else { return }
        tables[name]?.rlsEnabled = enabled
        tables[name]?.rlsChanged = site
    }

    private mutating func apply(_ rename: Rename) {
        guard let table = rename.table.map(\.canonical) else { return }
        switch rename.objectKind {
        case .table:
            guard var moved = tables.removeValue(forKey: table) else { return }
            moved.name = QualifiedName.canonical(schema: table.schema, name: rename.to)
            for key in moved.policies.keys { moved.policies[key]?.table = moved.name }
            tables[moved.name] = moved
        case .policy:
            guard let from = rename.from else { return }
            updatePolicies(of: table) { policies in
                guard var policy = policies.removeValue(forKey: from) else { return }
                policy.name = rename.to
                policies[rename.to] = policy
            }
        default:
            return
        }
    }

    private mutating func apply(_ statement: PolicyStatement, site: Site) {
        let table = statement.table.canonical
        let using = statement.using.map { Expression(statement: site, expression: $0) }
        let withCheck = statement.withCheck.map { Expression(statement: site, expression: $0) }
        updatePolicies(of: table) { policies in
            if statement.isAlter {
                guard var policy = policies[statement.name] else { return }
                if let roles = statement.roles { policy.roles = roles }
                if let using { policy.using = using }
                if let withCheck { policy.withCheck = withCheck }
                policy.site = site
                policies[statement.name] = policy
            } else {
                policies[statement.name] = Policy(name: statement.name, table: table, command: statement.command ?? .all,
                                                  permissive: statement.permissive, roles: statement.roles ?? ["public"],
                                                  using: using, withCheck: withCheck, site: site)
            }
        }
    }

    private mutating func updatePolicies(of table: QualifiedName, _ change: (inout [String: Policy]) -> Void) {
        if tables[table] != nil {
            change(&tables[table]!.policies)
        } else {
            var policies = foreignPolicies[table] ?? [:]
            change(&policies)
            foreignPolicies[table] = policies.isEmpty ? nil : policies
        }
    }
}
