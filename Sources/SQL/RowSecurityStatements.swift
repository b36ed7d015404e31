import Catalog

/// `CREATE POLICY` / `ALTER POLICY`: what the row-level security model replays.
public struct PolicyStatement: Sendable, Equatable {
    public var name: String
    public var table: QualifiedName
    /// `ALTER POLICY`: only the clauses it writes change (nil = kept).
    public var isAlter = false
    /// `FOR …` (`ALL` when not written); nil for `ALTER POLICY`, which cannot change it.
    public var command: Policy.Command? = .all
    /// `AS RESTRICTIVE` makes this false.
    public var permissive = true
    /// `TO …` as written, lowercased role names (`public` for `PUBLIC`); nil when not written (`CREATE POLICY`
    /// then means `public`).
    public var roles: [String]?
    public var using: PolicyExpression?
    public var withCheck: PolicyExpression?
}

/// What `CREATE FUNCTION` / `ALTER FUNCTION` say about security: `SECURITY DEFINER`/`INVOKER` and `SET search_path`.
public struct FunctionSecurity: Sendable, Equatable {
    /// nil when the statement does not say (`CREATE` then means invoker; `ALTER` keeps the previous value).
    public var securityDefiner: Bool?
    /// nil when not written; true for `SET search_path …`, false for `RESET search_path` / `RESET ALL`.
    public var setsSearchPath: Bool?
}

/// `ALTER FUNCTION / PROCEDURE name(args) …`.
public struct AlterFunction: Sendable, Equatable {
    public var name: QualifiedName
    public var security: FunctionSecurity
}

/// `GRANT` / `REVOKE` on tables, and `ALTER DEFAULT PRIVILEGES … GRANT/REVOKE … ON TABLES`: which roles may still
/// reach a table through Supabase's API.
public struct TableGrant: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// `ON [TABLE] a, b`.
        case tables([QualifiedName])
        /// `ON ALL TABLES IN SCHEMA s, t`.
        case allTablesIn(schemas: [String])
        /// `ALTER DEFAULT PRIVILEGES [IN SCHEMA s] … ON TABLES`: tables created later (every schema when none is named).
        case futureTables(schemas: [String])
    }

    public var isGrant: Bool
    public var target: Target
    /// Lowercased privilege names; empty for `ALL [PRIVILEGES]`. A column list (`GRANT SELECT (a) …`) counts as the
    /// privilege.
    public var privileges: [String]
    /// Lowercased role names; `public` for `PUBLIC`.
    public var grantees: [String]
}
