/// A row-level security policy of a table: `pgPolicy(name, { as, for, to, using, withCheck })` in the table's third
/// argument (or linked to it), one of `crudPolicy(...)`'s, or a snapshot `policies` entry.
public struct Policy: Sendable, Hashable {
    public enum Command: String, Sendable, Hashable {
        case all, select, insert, update, delete
    }

    /// A `using` or `withCheck` expression: its SQL as drizzle-kit writes it, or as PostgreSQL's parser read it, and
    /// where it is written.
    public struct Clause: Sendable, Hashable {
        /// nil when the reader could not render it (an interpolation it cannot resolve), or kept only the parse.
        public var text: String?
        /// The `sql\`…\`` value (TypeScript), the snapshot entry, or the `CREATE POLICY` / `ALTER POLICY` statement
        /// that wrote it (migrations).
        public var location: SourceLocation
        /// The expression as PostgreSQL's parser read it (migrations; readers of other languages keep `text`, which
        /// the rules parse when they need it).
        public var parsed: PolicyExpression?

        public init(text: String?, location: SourceLocation, parsed: PolicyExpression? = nil) {
            self.text = text
            self.location = location
            self.parsed = parsed
        }
    }

    /// The parts a policy can have that the reader could not work out (reported by `drizzle/parse-error`): never
    /// compared, never a verdict.
    public enum Part: String, Sendable, Hashable {
        case command, permissive, roles, using, withCheck
    }

    public var name: String
    /// `as: 'permissive'` (the default) or `'restrictive'`.
    public var permissive: Bool
    /// `for`, `all` when not given.
    public var command: Command
    /// `to`: lowercased role names (`pgRole('x')` and drizzle-orm/supabase's roles by their name); `public` when
    /// not given.
    public var roles: [String]
    public var using: Clause?
    public var withCheck: Clause?
    /// The `pgPolicy(...)` (or `crudPolicy(...)`) call, the snapshot entry, or the `CREATE POLICY` (or the last
    /// `ALTER POLICY`) statement.
    public var location: SourceLocation
    public var unreadable: Set<Part> = []

    public init(name: String, permissive: Bool = true, command: Command = .all, roles: [String] = ["public"],
                using: Clause? = nil, withCheck: Clause? = nil, location: SourceLocation = .none) {
        self.name = name
        self.permissive = permissive
        self.command = command
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
        self.location = location
    }
}

/// A policy's `USING` or `WITH CHECK` expression as PostgreSQL's parser read it, as far as the row-level security
/// rules need it.
public struct PolicyExpression: Sendable, Hashable {
    /// Where the expression starts (its first token) when libpg_query located it, else the statement.
    public var range: Range<Int>
    /// The expression is the constant `true` (every row passes).
    public var isAlwaysTrue: Bool
    /// Calls of `auth.uid()`, `auth.jwt()`, `auth.role()` or `current_setting()` that are not the whole target of a
    /// `(select …)`: PostgreSQL evaluates them for every row instead of once per statement.
    public var perRowCalls: [FunctionCall]

    public init(range: Range<Int>, isAlwaysTrue: Bool = false, perRowCalls: [FunctionCall] = []) {
        self.range = range
        self.isAlwaysTrue = isAlwaysTrue
        self.perRowCalls = perRowCalls
    }
}

/// A function call inside an expression: its name as written and where it is.
public struct FunctionCall: Sendable, Hashable {
    public var name: QualifiedName
    public var range: Range<Int>
    /// Inside a subquery (`team_id IN (SELECT … WHERE user_id = auth.uid())`): evaluated for every row the
    /// subquery reads rather than every row the policy checks.
    public var isInSubquery: Bool

    public init(name: QualifiedName, range: Range<Int>, isInSubquery: Bool = false) {
        self.name = name
        self.range = range
        self.isInSubquery = isInSubquery
    }
}
