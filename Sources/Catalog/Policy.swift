/// A row-level security policy of a table: `pgPolicy(name, { as, for, to, using, withCheck })` in the table's third
/// argument (or linked to it), one of `crudPolicy(...)`'s, or a snapshot `policies` entry.
public struct Policy: Sendable, Hashable {
    public enum Command: String, Sendable, Hashable {
        case all, select, insert, update, delete
    }

    /// A `using` or `withCheck` expression: its SQL as drizzle-kit writes it, and where it is written.
    public struct Clause: Sendable, Hashable {
        /// nil when the reader could not render it (an interpolation it cannot resolve).
        public var text: String?
        /// The `sql\`…\`` value (TypeScript) or the snapshot entry.
        public var location: SourceLocation

        public init(text: String?, location: SourceLocation) {
            self.text = text
            self.location = location
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
    /// The `pgPolicy(...)` (or `crudPolicy(...)`) call, or the snapshot entry.
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
