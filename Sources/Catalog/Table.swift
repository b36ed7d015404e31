/// A table: `pgTable(...)`, a `pgTableCreator` table or `pgSchema(...).table(...)`; or a snapshot `tables` entry.
/// What PostgreSQL has and where it was read from; what an ORM declares beyond that (the TypeScript binding, the
/// call's layout, markers) is the reader's `TableDeclaration`, kept beside the model.
public struct Table: Sendable, Hashable {
    /// "" for the public schema (as drizzle-kit writes it).
    public var schema: String
    public var name: String
    public var columns: [Column]
    public var indexes: [Index]
    public var foreignKeys: [ForeignKey]
    public var compositePrimaryKeys: [PrimaryKeyConstraint]
    public var uniqueConstraints: [UniqueConstraint]
    public var checkConstraints: [CheckConstraint]
    /// RLS policies (`pgPolicy` in the table's third argument or linked to it, `crudPolicy`; the migrations'
    /// `CREATE POLICY`).
    public var policies: [Policy]
    /// Triggers (migrations only: drizzle-orm cannot declare them).
    public var triggers: [Trigger] = []
    /// `.enableRLS()` / `pgTable.withRLS(...)`, the snapshot's `isRLSEnabled` (drizzle-kit 0.x writes false for
    /// a table that has only policies; see `hasRowSecurity`), or the migrations' `ENABLE ROW LEVEL SECURITY`.
    public var isRLSEnabled: Bool
    /// `FORCE ROW LEVEL SECURITY`: the table's owner is subject to its policies too (migrations).
    public var isRLSForced = false
    /// The statement that last enabled or disabled row-level security (migrations; nil when none did since the
    /// `CREATE TABLE`).
    public var rlsChangeLocation: SourceLocation?
    /// Table privileges (lowercased: `select`, `insert`, …) by role, for the roles the reader follows: the migration
    /// replay follows Supabase's API roles, `anon` and `authenticated`, which Supabase's default privileges give
    /// every privilege on new tables and GRANT/REVOKE change.
    public var privileges: [String: Set<String>] = [:]
    /// A statement the reader could not read came after the table existed (migrations): what it did to the table is
    /// unknown, so nothing is concluded from its state.
    public var hasUnreadableChanges = false
    /// The `pgTable(...)` call (TypeScript) or the snapshot entry.
    public var location: SourceLocation
    /// The table's name as written (the string argument), for short carets; `location` in snapshots.
    public var nameLocation: SourceLocation
    /// Kinds of elements (columns, indexes, …) of which the table has some the reader could not read (their
    /// names unknown too): a snapshot element of such a kind missing from the sources may be one of them.
    public var unreadableElements: Set<ElementKind> = []

    public init(schema: String = "", name: String, columns: [Column] = [],
                indexes: [Index] = [], foreignKeys: [ForeignKey] = [],
                compositePrimaryKeys: [PrimaryKeyConstraint] = [], uniqueConstraints: [UniqueConstraint] = [],
                checkConstraints: [CheckConstraint] = [], policies: [Policy] = [], isRLSEnabled: Bool = false,
                location: SourceLocation = .none, nameLocation: SourceLocation? = nil) {
        self.schema = schema
        self.name = name
        self.columns = columns
        self.indexes = indexes
        self.foreignKeys = foreignKeys
        self.compositePrimaryKeys = compositePrimaryKeys
        self.uniqueConstraints = uniqueConstraints
        self.checkConstraints = checkConstraints
        self.policies = policies
        self.isRLSEnabled = isRLSEnabled
        self.location = location
        self.nameLocation = nameLocation ?? location
    }

    /// The table's name, in canonical form (no schema when in `public`).
    public var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name).canonical }

    /// The snapshot key: `schema.name`, with `public` for the public schema.
    public var key: String { QualifiedName(schema: schema, name: name).snapshotKey }

    public func column(named name: String) -> Column? { columnIndex(named: name).map { columns[$0] } }

    /// The position of the column of that name (`Column.isNamed`).
    public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.isNamed(name) } }

    /// Whether the SQL drizzle-kit generates turns row-level security on: `.enableRLS()`, or any policy ("adding a
    /// policy to a table automatically enables RLS", drizzle-kit's `PgCreateTableConvertor` in 0.x and 1).
    public var hasRowSecurity: Bool { isRLSEnabled || !policies.isEmpty }
}

/// A column of a table: what PostgreSQL has, and where it was read from. What an ORM declares beyond that (the
/// TypeScript key, the builder) is the reader's `ColumnDeclaration`, kept beside the model.
public struct Column: Sendable, Hashable {
    /// The SQL name.
    public var name: String
    /// The SQL type exactly as drizzle-kit writes it: `varchar(255)`, `timestamp (3) with time zone`,
    /// `numeric(10, 2)`, `integer[]`, an enum's name. Setting it parses it into `pgType` (`setType(_:using:)` looks
    /// the spelling up in a memo instead).
    public var type: String {
        get { spelling }
        set { setType(newValue, parsed: PgType(parsing: newValue)) }
    }
    /// What `type` reads and writes: a stored property with no observer, so that `setType` can store a type parsed
    /// elsewhere without parsing it again.
    private var spelling: String
    /// `type` parsed: what rules read.
    public private(set) var pgType: PgType
    /// The enum's schema for enum-typed columns (snapshot `typeSchema`).
    public var typeSchema: String?
    public var primaryKey: Bool
    public var notNull: Bool
    /// The SQL default as drizzle-kit renders it; nil for none (a `$defaultFn` is not an SQL default).
    public var `default`: ColumnDefault?
    public var identity: Identity?
    public var generated: GeneratedColumn?
    /// The name of the `pgEnum` when the column (or its array element) is enum-typed.
    public var enumName: String?
    /// The whole property (`createdAt: timestamp(...)...`) or the snapshot entry.
    public var location: SourceLocation
    /// The builder call (`timestamp('created_at', {...})`), where the type is decided.
    public var typeLocation: SourceLocation
    /// What the reader could not work out (reported by `drizzle/parse-error`): never compared, never a verdict.
    public var unreadable: Set<Part> = []

    /// The parts of a column that can be unreadable: `name` when even the column's SQL name is unknown.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        case name, type, primaryKey, notNull, `default`, identity, generated

        public static let allExceptName: Set<Part> = Set(allCases).subtracting([.name])
    }

    public init(name: String, type: String, typeSchema: String? = nil, primaryKey: Bool = false,
                notNull: Bool = false, default: ColumnDefault? = nil, identity: Identity? = nil,
                generated: GeneratedColumn? = nil, enumName: String? = nil, location: SourceLocation = .none,
                typeLocation: SourceLocation = .none) {
        self.name = name
        self.spelling = type
        self.pgType = PgType(parsing: type)
        self.typeSchema = typeSchema
        self.primaryKey = primaryKey
        self.notNull = notNull
        self.default = `default`
        self.identity = identity
        self.generated = generated
        self.enumName = enumName
        self.location = location
        self.typeLocation = typeLocation
    }

    /// The same column, its type parsed through `types`.
    public init(name: String, type: String, types: inout PgTypeMemo, primaryKey: Bool = false, notNull: Bool = false,
                location: SourceLocation = .none, typeLocation: SourceLocation = .none) {
        // Not delegated to the initialiser above: a delegating initialiser builds the column aside and copies it into
        // place (a third of the cost of a column the replay adds).
        self.name = name
        self.spelling = type
        self.pgType = types.type(parsing: type)
        self.primaryKey = primaryKey
        self.notNull = notNull
        self.location = location
        self.typeLocation = typeLocation
    }

    /// Sets `type`, parsing it through `types`.
    public mutating func setType(_ type: String, using types: inout PgTypeMemo) {
        setType(type, parsed: types.type(parsing: type))
    }

    private mutating func setType(_ type: String, parsed: PgType) {
        spelling = type
        pgType = parsed
    }

    /// `integer[]`, `text[][]`, `varchar(10)[3]`.
    public var isArray: Bool { pgType.isArray }

    /// Whether the column is named `name`, byte for byte as PostgreSQL compares identifiers: Swift's `==` also matches
    /// a differently normalised spelling, which PostgreSQL takes for another column. `==` runs first, since it
    /// rejects other names fast (the replay looks a name up among a table's columns for every column it adds); the
    /// bytes are compared only for the one it matches.
    public func isNamed(_ name: String) -> Bool {
        self.name.utf8.count == name.utf8.count && self.name == name && self.name.utf8.elementsEqual(name.utf8)
    }
}

/// A column default as it appears in a snapshot: a JSON string holding SQL text (`now()`, `'usd'`,
/// `'{}'::jsonb`), or a JSON number or boolean literal (drizzle-kit 0.x writes `.default(0)` and
/// `.default(false)` as JSON scalars; drizzle-kit 1 writes them as strings).
public struct ColumnDefault: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case sql, number, boolean }
    public var kind: Kind
    /// The SQL text, or the JSON literal of a number / boolean (`0`, `1.5`, `false`).
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func sql(_ text: String) -> ColumnDefault { ColumnDefault(.sql, text) }
    public var description: String { text }
}

/// `generatedAlwaysAsIdentity` / `generatedByDefaultAsIdentity`.
public struct Identity: Sendable, Hashable {
    /// `always` or `byDefault`.
    public var type: String
    /// The sequence's name (`${table}_${column}_seq` unless given).
    public var name: String
    public var schema: String
    public var options: SequenceOptions

    public init(type: String, name: String, schema: String, options: SequenceOptions) {
        self.type = type
        self.name = name
        self.schema = schema
        self.options = options
    }
}

/// `generatedAlwaysAs(sql\`…\`)`: a stored generated column.
public struct GeneratedColumn: Sendable, Hashable {
    public var expression: String
    /// Always `stored` in PostgreSQL.
    public var type: String

    public init(expression: String, type: String = "stored") {
        self.expression = expression
        self.type = type
    }
}
