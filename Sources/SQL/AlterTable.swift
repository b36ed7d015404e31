import Catalog

/// `ALTER TABLE` (also `ALTER INDEX / VIEW / SEQUENCE …` that share its parse node; see `objectKind`).
public struct AlterTable: Sendable, Equatable {
    public var table: QualifiedName
    public var objectKind = ObjectKind.table
    public var ifExists = false
    public var actions: [AlterTableAction]
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
        /// `ATTACH PARTITION name FOR VALUES … | DEFAULT`.
        case attachPartition(partition: QualifiedName)
        /// `ENABLE / DISABLE / FORCE / NO FORCE ROW LEVEL SECURITY`.
        case rowSecurity(RowSecurityChange)
        /// `ENABLE [REPLICA | ALWAYS] TRIGGER` / `DISABLE TRIGGER`: of one trigger (its name), or of `ALL` / `USER` (nil).
        case enableTrigger(name: String?, enabled: Bool)
        /// `ALTER COLUMN … SET STATISTICS n` and `ALTER COLUMN … SET ( … ) / RESET ( … )`: what the planner knows of a column.
        case columnPlannerSettings(column: String)
        /// `SET ( … ) / RESET ( … )` of storage parameters, by name (`fillfactor`, `toast.autovacuum_enabled`).
        case storageParameters([String])
        /// `CLUSTER ON index` (its name) / `SET WITHOUT CLUSTER` (nil).
        case cluster(index: String?)
        /// `SET LOGGED / UNLOGGED`, `SET ACCESS METHOD`, `SET TABLESPACE`: the rows are copied into new files.
        case relocate(TableRelocation)
        /// Any other action, by libpg_query's subtype (`AT_ChangeOwner`, `AT_SetStorage`, `AT_ReplicaIdentity`, …):
        /// the forms for which PostgreSQL's ALTER TABLE page notes no lock weaker than ACCESS EXCLUSIVE.
        case other(subtype: String)
    }

    public var kind: Kind
    /// The action's text (e.g. `ADD COLUMN "x" integer`), or the statement's when it cannot be told apart.
    public var range: Range<Int>
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
    public var convertsByCast = true
}

/// `ALTER TABLE … { ENABLE | DISABLE | FORCE | NO FORCE } ROW LEVEL SECURITY`.
public enum RowSecurityChange: Sendable, Equatable {
    case enable, disable, force, noForce
}

/// Where an `ALTER TABLE` moves a table's rows to.
public enum TableRelocation: Sendable, Equatable {
    case logged, unlogged
    case accessMethod(String)
    case tablespace(String)
}
