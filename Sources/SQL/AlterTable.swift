import Catalog

/// `ALTER TABLE` (also `ALTER INDEX / VIEW / SEQUENCE …` that share its parse node; see `objectKind`).
public struct AlterTable: Sendable, Equatable {
    public var table: QualifiedName
    public var objectKind: ObjectKind
    public var ifExists: Bool
    public var actions: [AlterTableAction]

    public init(table: QualifiedName, objectKind: ObjectKind = .table, ifExists: Bool = false, actions: [AlterTableAction]) {
        self.table = table
        self.objectKind = objectKind
        self.ifExists = ifExists
        self.actions = actions
    }
}

/// One comma-separated action of an `ALTER TABLE`.
public struct AlterTableAction: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case addColumn(ColumnDefinition, ifNotExists: Bool)
        case dropColumn(name: String, ifExists: Bool, cascade: Bool)
        /// `ALTER COLUMN … SET DATA TYPE … [USING expr]`.
        case alterColumnType(ColumnTypeChange)
        case setNotNull(column: String)
        case dropNotNull(column: String)
        case setDefault(column: String)
        case dropDefault(column: String)
        case addConstraint(TableConstraint)
        case validateConstraint(name: String)
        case dropConstraint(name: String, ifExists: Bool, cascade: Bool)
        /// `DETACH PARTITION name [CONCURRENTLY | FINALIZE]`.
        case detachPartition(partition: QualifiedName, concurrently: Bool)
        /// Any other action, by libpg_query's subtype (`AT_EnableRowSecurity`, `AT_SetStorage`, …).
        case other(subtype: String)
    }

    public var kind: Kind
    /// The action's text (e.g. `ADD COLUMN "x" integer`), or the statement's when it cannot be told apart.
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// `ALTER COLUMN … SET DATA TYPE … [USING expr]`.
public struct ColumnTypeChange: Sendable, Equatable {
    public var column: String
    /// The new type, normalised like `ColumnDefinition.typeName`.
    public var typeName: String
    /// The `USING` expression's text, when there is one.
    public var using: String?
    /// No `USING`, or one that only reads the column, possibly cast to the new type (`USING "x"::text`, which
    /// drizzle-kit writes): the values go through the ordinary cast, so whether PostgreSQL rewrites the table
    /// depends on the old and new types alone.
    public var convertsByCast: Bool

    public init(column: String, typeName: String, using: String? = nil, convertsByCast: Bool = true) {
        self.column = column
        self.typeName = typeName
        self.using = using
        self.convertsByCast = convertsByCast
    }
}
