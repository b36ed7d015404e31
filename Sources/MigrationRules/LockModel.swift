import Catalog
import Migrations
import SQL
import SQLReplay

/// PostgreSQL's table-level lock modes, weakest first (docs: "Explicit Locking", 13.3.1 Table-Level Locks,
/// https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES).
public enum LockMode: Int, Sendable, Comparable, CustomStringConvertible, CaseIterable {
    case accessShare = 1
    case rowShare = 2
    case rowExclusive = 3
    case shareUpdateExclusive = 4
    case share = 5
    case shareRowExclusive = 6
    case exclusive = 7
    case accessExclusive = 8

    public static func < (lhs: LockMode, rhs: LockMode) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .accessShare: "ACCESS SHARE"
        case .rowShare: "ROW SHARE"
        case .rowExclusive: "ROW EXCLUSIVE"
        case .shareUpdateExclusive: "SHARE UPDATE EXCLUSIVE"
        case .share: "SHARE"
        case .shareRowExclusive: "SHARE ROW EXCLUSIVE"
        case .exclusive: "EXCLUSIVE"
        case .accessExclusive: "ACCESS EXCLUSIVE"
        }
    }

    /// The mode as `pg_locks.mode` spells it (`AccessExclusiveLock`).
    public init?(pgLocksMode: String) {
        guard let mode = Self.allCases.first(where: { $0.pgLocksName == pgLocksMode }) else { return nil }
        self = mode
    }

    public var pgLocksName: String {
        description.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined() + "Lock"
    }

    /// Whether it stops the application's writes (SHARE and stronger), which is what a migration's lock costs.
    public var blocksWrites: Bool { self >= .share }

    /// The application's queries the lock makes wait, as a clause about `tables` whose verb agrees: "every read and
    /// write of `t` waits" (ACCESS EXCLUSIVE), "writes to `t` and `p` wait" (SHARE, SHARE ROW EXCLUSIVE).
    public func stops(_ tables: String, singular: String = "waits", plural: String = "wait") -> String {
        switch self {
        case .accessExclusive: "every read and write of \(tables) \(singular)"
        case .exclusive: "every write and locking read of \(tables) \(singular)"
        case .share, .shareRowExclusive: "writes to \(tables) \(plural)"
        case .accessShare, .rowShare, .rowExclusive, .shareUpdateExclusive: "other schema changes of \(tables) \(plural)"
        }
    }

    /// What the lock stops, in the words a reader of a finding needs.
    public var blocks: String {
        switch self {
        case .accessShare: "only ACCESS EXCLUSIVE locks (schema changes that rewrite or drop the table)"
        case .rowShare: "EXCLUSIVE and ACCESS EXCLUSIVE locks"
        case .rowExclusive: "other schema changes on the table"
        case .shareUpdateExclusive: "other schema changes and VACUUM, but not reads or writes"
        case .share, .shareRowExclusive: "every INSERT, UPDATE and DELETE"
        case .exclusive: "every INSERT, UPDATE, DELETE and SELECT … FOR UPDATE"
        case .accessExclusive: "every read and write"
        }
    }
}

/// One row of the lock model: a statement kind, the lock it takes on each table it touches, whether it reads every
/// row (scan) or writes the table anew (rewrite), and the PostgreSQL versions the row describes.
public struct LockRow: Sendable, Equatable {
    /// Stable id, used by tests and `schemalint explain`.
    public var id: String
    /// The statement, as SQL a reader recognises.
    public var statement: String
    /// The lock on the table the statement names.
    public var lock: LockMode
    /// The lock on the other table it touches (the referenced table of a foreign key), if any.
    public var otherTableLock: LockMode?
    public var scans: Bool
    public var rewrites: Bool
    /// Cannot run inside a transaction block.
    public var needsNoTransaction = false
    /// The versions the row describes: `versions.contains(postgres.version)`.
    public var versions: ClosedRange<Int> = 10...99
    /// The safer form, and the version from which it exists.
    public var saferForm: String?
    public var saferFrom: Int?
    /// The PostgreSQL documentation behind the row: URL and section.
    public var source: String
    /// The rules that read the row.
    public var rules: [String]
}

/// The lock model as data. Each row cites the PostgreSQL documentation it comes from; `LockModelTests` checks each
/// row against real SQL parsed by the SQL reader.
public enum LockModel {
    static let alterTable = "https://www.postgresql.org/docs/current/sql-altertable.html"
    static let locking = "https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES"

    public static let rows: [LockRow] = [
        // CREATE INDEX: "acquires a SHARE lock … blocks writes"; CONCURRENTLY: "cannot be executed inside a transaction block".
        LockRow(id: "create-index", statement: "CREATE INDEX … ON t", lock: .share, scans: true, rewrites: false,
                saferForm: "CREATE INDEX CONCURRENTLY (SHARE UPDATE EXCLUSIVE, outside a transaction)", saferFrom: 10,
                source: "https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY (Building Indexes Concurrently)",
                rules: ["migration/unsafe-index-creation", "migration/lock-held-across-statements"]),
        LockRow(id: "create-index-concurrently", statement: "CREATE INDEX CONCURRENTLY … ON t", lock: .shareUpdateExclusive,
                scans: true, rewrites: false, needsNoTransaction: true,
                source: "https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY (Building Indexes Concurrently)",
                rules: ["migration/concurrently-in-transaction"]),
        // DROP INDEX: "acquires an ACCESS EXCLUSIVE lock on the table"; CONCURRENTLY waits instead, outside a transaction.
        LockRow(id: "drop-index", statement: "DROP INDEX i", lock: .accessExclusive, scans: false, rewrites: false,
                saferForm: "DROP INDEX CONCURRENTLY (outside a transaction)", saferFrom: 10,
                source: "https://www.postgresql.org/docs/current/sql-dropindex.html (Parameters: CONCURRENTLY)",
                rules: ["migration/drop-index-blocks", "migration/missing-lock-timeout"]),
        LockRow(id: "drop-index-concurrently", statement: "DROP INDEX CONCURRENTLY i", lock: .shareUpdateExclusive,
                scans: false, rewrites: false, needsNoTransaction: true,
                source: "https://www.postgresql.org/docs/current/sql-dropindex.html (Parameters: CONCURRENTLY)",
                rules: ["migration/concurrently-in-transaction"]),
        // REINDEX: "locks out writes (but not reads)"; REINDEX CONCURRENTLY exists from 12.
        LockRow(id: "reindex", statement: "REINDEX INDEX i / TABLE t", lock: .share, scans: true, rewrites: false,
                saferForm: "REINDEX … CONCURRENTLY (outside a transaction)", saferFrom: 12,
                source: "https://www.postgresql.org/docs/current/sql-reindex.html#SQL-REINDEX-CONCURRENTLY (Rebuilding Indexes Concurrently)",
                rules: ["migration/lock-held-across-statements"]),
        LockRow(id: "reindex-concurrently", statement: "REINDEX … CONCURRENTLY", lock: .shareUpdateExclusive, scans: true,
                rewrites: false, needsNoTransaction: true, versions: 12...99,
                source: "https://www.postgresql.org/docs/12/sql-reindex.html#SQL-REINDEX-CONCURRENTLY (new in 12)",
                rules: ["migration/concurrently-in-transaction"]),
        // ADD COLUMN: ACCESS EXCLUSIVE (ALTER TABLE, Description: "An ACCESS EXCLUSIVE lock is acquired unless
        // explicitly noted"). Notes: a non-volatile default is stored in the catalog from 11; before, every row is rewritten.
        LockRow(id: "add-column", statement: "ALTER TABLE t ADD COLUMN c type", lock: .accessExclusive, scans: false,
                rewrites: false, source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes)",
                rules: ["migration/missing-lock-timeout"]),
        // An inline REFERENCES adds a foreign key: SHARE ROW EXCLUSIVE on the referenced table, as ADD FOREIGN KEY
        // (Notes); a new column holds no values, so nothing is checked (traced: Tests/ReplayTests/LockTraceTests).
        LockRow(id: "add-column-foreign-key", statement: "ALTER TABLE t ADD COLUMN c type REFERENCES p", lock: .accessExclusive,
                otherTableLock: .shareRowExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes: SHARE ROW EXCLUSIVE on the referenced table)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "add-column-default-before-11", statement: "ALTER TABLE t ADD COLUMN c type DEFAULT constant",
                lock: .accessExclusive, scans: false, rewrites: true, versions: 10...10,
                saferForm: "upgrade to PostgreSQL 11+, or add the column without a default and backfill in batches", saferFrom: 11,
                source: "https://www.postgresql.org/docs/10/sql-altertable.html (Notes: adding a column with a DEFAULT requires a rewrite)",
                rules: ["migration/table-rewrite"]),
        LockRow(id: "add-column-default", statement: "ALTER TABLE t ADD COLUMN c type DEFAULT constant", lock: .accessExclusive,
                scans: false, rewrites: false, versions: 11...99,
                source: "https://www.postgresql.org/docs/11/sql-altertable.html (Notes: a non-volatile DEFAULT needs no rewrite)",
                rules: ["migration/missing-lock-timeout"]),
        // Notes: "Adding a column with a volatile DEFAULT or changing the type of an existing column will require the
        // entire table and its indexes to be rewritten"; the same for a stored generated column and an identity column.
        LockRow(id: "add-column-volatile", statement: "ALTER TABLE t ADD COLUMN c … DEFAULT volatile() / serial / IDENTITY / GENERATED … STORED",
                lock: .accessExclusive, scans: false, rewrites: true,
                saferForm: "add the column without a default, backfill in batches, then SET DEFAULT", saferFrom: 10,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes)", rules: ["migration/table-rewrite"]),
        // Notes: a type change rewrites unless the old type is binary coercible to the new one and USING does not change
        // the contents (`TypeChangeRewrite`); either way ACCESS EXCLUSIVE, and the foreign keys the column is part of
        // (on either side) are rebuilt, under ACCESS EXCLUSIVE on the other table (traced: Tests/ReplayTests/LockTraceTests).
        LockRow(id: "alter-column-type", statement: "ALTER TABLE t ALTER COLUMN c TYPE other (other table: those its foreign keys link)",
                lock: .accessExclusive, otherTableLock: .accessExclusive, scans: true, rewrites: true,
                saferForm: "add a column of the new type, backfill it, switch, drop the old one", saferFrom: 10,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes)", rules: ["migration/destructive-change", "migration/missing-lock-timeout"]),
        LockRow(id: "alter-column-type-binary-coercible", statement: "ALTER TABLE t ALTER COLUMN c TYPE wider (varchar(n) → text)",
                lock: .accessExclusive, otherTableLock: .accessExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes: binary coercible, no rewrite)",
                rules: ["migration/missing-lock-timeout"]),
        // SET NOT NULL scans the whole table; from 12 the scan is skipped when a valid CHECK proves the column not null.
        LockRow(id: "set-not-null", statement: "ALTER TABLE t ALTER COLUMN c SET NOT NULL", lock: .accessExclusive,
                scans: true, rewrites: false,
                saferForm: "ADD CONSTRAINT … CHECK (c IS NOT NULL) NOT VALID, VALIDATE it later, then SET NOT NULL", saferFrom: 12,
                source: "https://www.postgresql.org/docs/12/sql-altertable.html (SET/DROP NOT NULL: the scan is skipped when a valid CHECK proves it)",
                rules: ["migration/set-not-null-scan", "migration/missing-lock-timeout"]),
        // ADD table_constraint: CHECK scans under ACCESS EXCLUSIVE; with NOT VALID it does not; VALIDATE CONSTRAINT
        // takes SHARE UPDATE EXCLUSIVE.
        LockRow(id: "add-check", statement: "ALTER TABLE t ADD CONSTRAINT k CHECK (…)", lock: .accessExclusive, scans: true,
                rewrites: false, saferForm: "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later run", saferFrom: 10,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT (ADD table_constraint [ NOT VALID ])",
                rules: ["migration/constraint-without-not-valid", "migration/missing-lock-timeout"]),
        LockRow(id: "add-check-not-valid", statement: "ALTER TABLE t ADD CONSTRAINT k CHECK (…) NOT VALID", lock: .accessExclusive,
                scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT (ADD table_constraint [ NOT VALID ])",
                rules: ["migration/missing-lock-timeout"]),
        // "Addition of a foreign key constraint requires a SHARE ROW EXCLUSIVE lock on the referenced table" (Notes),
        // and on the altered table.
        LockRow(id: "add-foreign-key", statement: "ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY … REFERENCES p", lock: .shareRowExclusive,
                otherTableLock: .shareRowExclusive, scans: true, rewrites: false,
                saferForm: "ADD … NOT VALID, then VALIDATE CONSTRAINT in a later run", saferFrom: 10,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes: SHARE ROW EXCLUSIVE on the referenced table)",
                rules: ["migration/unsafe-foreign-key"]),
        LockRow(id: "add-foreign-key-not-valid", statement: "ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY … NOT VALID",
                lock: .shareRowExclusive, otherTableLock: .shareRowExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes)", rules: ["migration/unsafe-foreign-key"]),
        LockRow(id: "validate-constraint", statement: "ALTER TABLE t VALIDATE CONSTRAINT k", lock: .shareUpdateExclusive,
                scans: true, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-VALIDATE-CONSTRAINT (VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE)",
                rules: ["migration/unsafe-foreign-key"]),
        // UNIQUE / PRIMARY KEY build their index under ACCESS EXCLUSIVE; USING INDEX adopts one built concurrently.
        LockRow(id: "add-unique", statement: "ALTER TABLE t ADD CONSTRAINT k UNIQUE / PRIMARY KEY (…)", lock: .accessExclusive,
                scans: true, rewrites: false,
                saferForm: "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX", saferFrom: 10,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX (ADD table_constraint_using_index)",
                rules: ["migration/unique-constraint-blocks", "migration/missing-lock-timeout"]),
        // EXCLUDE builds its index like UNIQUE, with no USING INDEX form.
        LockRow(id: "add-exclusion", statement: "ALTER TABLE t ADD CONSTRAINT k EXCLUDE USING … (…)", lock: .accessExclusive,
                scans: true, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT (ADD table_constraint; Description: ACCESS EXCLUSIVE unless noted)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "add-unique-using-index", statement: "ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i", lock: .accessExclusive,
                scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX (ADD table_constraint_using_index)",
                rules: ["migration/missing-lock-timeout"]),
        // The catalog-only ALTER TABLE forms: still ACCESS EXCLUSIVE (Description), but brief.
        LockRow(id: "alter-table-catalog", statement: "ALTER TABLE t DROP COLUMN / SET DEFAULT / DROP NOT NULL / DROP CONSTRAINT / ENABLE ROW LEVEL SECURITY",
                lock: .accessExclusive, scans: false, rewrites: false, source: "\(alterTable) (Description)",
                rules: ["migration/missing-lock-timeout", "migration/lock-held-across-statements"]),
        // Dropping a foreign key drops its triggers on the referenced table too, under ACCESS EXCLUSIVE there (as
        // DROP TRIGGER): the parent of the key is blocked as well (traced: Tests/ReplayTests/LockTraceTests).
        LockRow(id: "drop-foreign-key", statement: "ALTER TABLE t DROP CONSTRAINT fk (a foreign key to p)", lock: .accessExclusive,
                otherTableLock: .accessExclusive, scans: false, rewrites: false,
                source: "\(locking) (ACCESS EXCLUSIVE: many forms of ALTER TABLE; a foreign key's triggers live on the referenced table)",
                rules: ["migration/missing-lock-timeout"]),
        // Renaming a constraint locks the table too; renaming an index (`ALTER INDEX … RENAME`) does not (traced:
        // Tests/ReplayTests/LockTraceTests).
        LockRow(id: "rename", statement: "ALTER TABLE t RENAME [COLUMN | CONSTRAINT] …", lock: .accessExclusive,
                scans: false, rewrites: false, source: "\(alterTable) (Description: RENAME)", rules: ["migration/missing-lock-timeout"]),
        // The foreign keys of the dropped table go with it, and their triggers on the tables they link: ACCESS
        // EXCLUSIVE on those tables too (traced: Tests/ReplayTests/LockTraceTests).
        LockRow(id: "drop-table", statement: "DROP TABLE t (other table: each table a foreign key links it to)", lock: .accessExclusive,
                otherTableLock: .accessExclusive, scans: false, rewrites: false,
                source: "\(locking) (ACCESS EXCLUSIVE: acquired by DROP TABLE)", rules: ["migration/missing-lock-timeout"]),
        // DETACH PARTITION: ACCESS EXCLUSIVE on the parent and the partition; CONCURRENTLY (from 14) takes SHARE UPDATE
        // EXCLUSIVE on both, waits for the queries using the parent, then ACCESS EXCLUSIVE on the partition only.
        LockRow(id: "detach-partition", statement: "ALTER TABLE t DETACH PARTITION p", lock: .accessExclusive,
                otherTableLock: .accessExclusive, scans: false, rewrites: false, saferForm: "DETACH PARTITION … CONCURRENTLY (outside a transaction)", saferFrom: 14,
                source: "https://www.postgresql.org/docs/14/sql-altertable.html#SQL-ALTERTABLE-DETACH-PARTITION (DETACH PARTITION)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "detach-partition-concurrently", statement: "ALTER TABLE t DETACH PARTITION p CONCURRENTLY",
                lock: .shareUpdateExclusive, otherTableLock: .accessExclusive, scans: false, rewrites: false, needsNoTransaction: true, versions: 14...99,
                source: "https://www.postgresql.org/docs/14/sql-altertable.html#SQL-ALTERTABLE-DETACH-PARTITION (new in 14)",
                rules: ["migration/concurrently-in-transaction"]),
        // ALTER TYPE … ADD VALUE: not in a transaction block before 12; from 12 allowed, but the value "cannot be used
        // until after the transaction has been committed" (Notes). It locks the type, not a table, and in EXCLUSIVE
        // mode (src/backend/catalog/pg_enum.c, AddEnumLabel; traced: Tests/ReplayTests/LockTraceTests): it stops other
        // changes of the type, never the tables that use it.
        LockRow(id: "add-enum-value-before-12", statement: "ALTER TYPE e ADD VALUE 'v' (the lock is on the type)", lock: .exclusive, scans: false,
                rewrites: false, needsNoTransaction: true, versions: 10...11,
                saferForm: "PostgreSQL 12+ runs it inside a transaction", saferFrom: 12,
                source: "https://www.postgresql.org/docs/11/sql-altertype.html (Notes: cannot be executed inside a transaction block)",
                rules: ["migration/concurrently-in-transaction"]),
        LockRow(id: "add-enum-value", statement: "ALTER TYPE e ADD VALUE 'v' (the lock is on the type)", lock: .exclusive, scans: false,
                rewrites: false, versions: 12...99,
                source: "https://www.postgresql.org/docs/current/sql-altertype.html#SQL-ALTERTYPE-NOTES (Notes: the new value cannot be used until the transaction commits)",
                rules: ["migration/enum-value-used-in-same-transaction"]),
        // UPDATE / DELETE / INSERT: ROW EXCLUSIVE on the table, plus row locks on every row they change.
        LockRow(id: "data-change", statement: "UPDATE / DELETE / INSERT", lock: .rowExclusive, scans: true, rewrites: false,
                source: "\(locking) (ROW EXCLUSIVE: acquired by UPDATE, DELETE, INSERT)",
                rules: ["migration/lock-held-across-statements"]),
        // The ALTER TABLE forms whose page notes a weaker lock than ACCESS EXCLUSIVE.
        LockRow(id: "enable-trigger", statement: "ALTER TABLE t ENABLE / DISABLE TRIGGER …", lock: .shareRowExclusive, scans: false,
                rewrites: false, source: "\(alterTable)#SQL-ALTERTABLE-DESC-DISABLE-ENABLE-TRIGGER (DISABLE/ENABLE TRIGGER: SHARE ROW EXCLUSIVE)",
                rules: []),
        LockRow(id: "column-planner-settings", statement: "ALTER TABLE t ALTER COLUMN c SET STATISTICS n / SET ( n_distinct … )",
                lock: .shareUpdateExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-SET-STATISTICS (SET STATISTICS, SET ( attribute_option ): SHARE UPDATE EXCLUSIVE)",
                rules: []),
        LockRow(id: "storage-parameters", statement: "ALTER TABLE t SET ( fillfactor / autovacuum_… / toast.… / parallel_workers = … )",
                lock: .shareUpdateExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-SET-STORAGE-PARAMETER (SET ( storage_parameter ): SHARE UPDATE EXCLUSIVE for these)",
                rules: []),
        LockRow(id: "storage-parameters-other", statement: "ALTER TABLE t SET ( other storage parameter = … )", lock: .accessExclusive,
                scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-SET-STORAGE-PARAMETER (SET ( storage_parameter ): ACCESS EXCLUSIVE for the others)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "cluster-on", statement: "ALTER TABLE t CLUSTER ON i / SET WITHOUT CLUSTER", lock: .shareUpdateExclusive, scans: false,
                rewrites: false, source: "\(alterTable)#SQL-ALTERTABLE-DESC-CLUSTER-ON (CLUSTER ON: SHARE UPDATE EXCLUSIVE)", rules: []),
        // ATTACH PARTITION: from 12, SHARE UPDATE EXCLUSIVE on the parent and ACCESS EXCLUSIVE on the partition, whose
        // rows are checked against the partition bound unless a valid CHECK constraint implies it.
        LockRow(id: "attach-partition-before-12", statement: "ALTER TABLE t ATTACH PARTITION p …", lock: .accessExclusive,
                otherTableLock: .accessExclusive, scans: true, rewrites: false, versions: 10...11,
                saferForm: "PostgreSQL 12+ takes only SHARE UPDATE EXCLUSIVE on the parent", saferFrom: 12,
                source: "https://www.postgresql.org/docs/11/sql-altertable.html (ATTACH PARTITION: ACCESS EXCLUSIVE, as the Description says)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "attach-partition", statement: "ALTER TABLE t ATTACH PARTITION p …", lock: .shareUpdateExclusive,
                otherTableLock: .accessExclusive, scans: true, rewrites: false, versions: 12...99,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-ATTACH-PARTITION (ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition)",
                rules: []),
        LockRow(id: "alter-table-relocate", statement: "ALTER TABLE t SET LOGGED / UNLOGGED / SET ACCESS METHOD / SET TABLESPACE",
                lock: .accessExclusive, scans: false, rewrites: true,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-SET-ACCESS-METHOD (SET ACCESS METHOD rewrites the table; SET TABLESPACE moves its files)",
                rules: ["migration/missing-lock-timeout"]),
        LockRow(id: "alter-table-other", statement: "ALTER TABLE t OWNER TO / REPLICA IDENTITY / ALTER COLUMN SET STORAGE / … (the other forms)",
                lock: .accessExclusive, scans: false, rewrites: false,
                source: "\(alterTable) (Description: \"An ACCESS EXCLUSIVE lock is acquired unless explicitly noted\")",
                rules: ["migration/missing-lock-timeout"]),
        // TRUNCATE "acquires an ACCESS EXCLUSIVE lock on each table it operates on" and gives each a new, empty file;
        // CASCADE operates on the tables whose foreign keys reference them too.
        LockRow(id: "truncate", statement: "TRUNCATE t [CASCADE] (each table truncated)", lock: .accessExclusive, scans: false, rewrites: true,
                source: "https://www.postgresql.org/docs/current/sql-truncate.html (Notes: ACCESS EXCLUSIVE on each table)",
                rules: ["migration/missing-lock-timeout"]),
        // A new table's foreign keys take SHARE ROW EXCLUSIVE on the referenced tables, as ADD FOREIGN KEY does (ALTER
        // TABLE, Notes; traced: Tests/ReplayTests/LockTraceTests). The new table itself has no rows and no other user.
        LockRow(id: "create-table-foreign-key", statement: "CREATE TABLE t (… REFERENCES p …) (other table: each one referenced)",
                lock: .accessExclusive, otherTableLock: .shareRowExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-NOTES (Notes: adding a foreign key takes SHARE ROW EXCLUSIVE on the referenced table)",
                rules: []),
        // VACUUM "cannot be executed inside a transaction block" (Notes); plain VACUUM and ANALYZE take SHARE UPDATE
        // EXCLUSIVE, VACUUM FULL ACCESS EXCLUSIVE and writes a new copy of the table (Locking).
        LockRow(id: "vacuum", statement: "VACUUM [ANALYZE] t", lock: .shareUpdateExclusive, scans: true, rewrites: false,
                needsNoTransaction: true, source: "https://www.postgresql.org/docs/current/sql-vacuum.html (Notes: not inside a transaction block)",
                rules: ["migration/concurrently-in-transaction"]),
        LockRow(id: "vacuum-full", statement: "VACUUM FULL t", lock: .accessExclusive, scans: true, rewrites: true, needsNoTransaction: true,
                source: "https://www.postgresql.org/docs/current/sql-vacuum.html (Parameters: FULL, ACCESS EXCLUSIVE and a new copy of the table)",
                rules: ["migration/concurrently-in-transaction"]),
        LockRow(id: "analyze", statement: "ANALYZE t", lock: .shareUpdateExclusive, scans: true, rewrites: false,
                source: "\(locking) (SHARE UPDATE EXCLUSIVE: acquired by ANALYZE)", rules: []),
        LockRow(id: "comment", statement: "COMMENT ON TABLE t / COLUMN t.c", lock: .shareUpdateExclusive, scans: false, rewrites: false,
                source: "\(locking) (SHARE UPDATE EXCLUSIVE: acquired by COMMENT ON)", rules: []),
        LockRow(id: "create-trigger", statement: "CREATE TRIGGER … ON t", lock: .shareRowExclusive, scans: false, rewrites: false,
                source: "\(locking) (SHARE ROW EXCLUSIVE: acquired by CREATE TRIGGER)", rules: []),
        // Neither page names the lock; PostgreSQL opens the table in ACCESS EXCLUSIVE mode for each (traced:
        // Tests/ReplayTests/LockTraceTests). Brief, but it queues every query behind a running one while it waits.
        LockRow(id: "policy", statement: "CREATE POLICY / ALTER POLICY / DROP POLICY p ON t", lock: .accessExclusive, scans: false,
                rewrites: false, source: "https://www.postgresql.org/docs/current/sql-createpolicy.html (no lock named; traced: ACCESS EXCLUSIVE)",
                rules: ["migration/missing-lock-timeout", "migration/lock-held-across-statements"]),
        LockRow(id: "drop-trigger", statement: "DROP TRIGGER tr ON t", lock: .accessExclusive, scans: false, rewrites: false,
                source: "https://www.postgresql.org/docs/current/sql-droptrigger.html (no lock named; traced: ACCESS EXCLUSIVE)",
                rules: ["migration/missing-lock-timeout", "migration/lock-held-across-statements"]),
        // SET SCHEMA moves the table's catalog entries (and its indexes, constraints and owned sequences): ACCESS
        // EXCLUSIVE as the Description says for the forms it notes nothing else for; nothing is read or copied.
        LockRow(id: "set-schema", statement: "ALTER TABLE t SET SCHEMA s", lock: .accessExclusive, scans: false, rewrites: false,
                source: "\(alterTable)#SQL-ALTERTABLE-DESC-SET-SCHEMA (SET SCHEMA; Description: ACCESS EXCLUSIVE unless noted)",
                rules: ["migration/missing-lock-timeout", "migration/lock-held-across-statements"]),
        // CLUSTER writes the table anew in index order under ACCESS EXCLUSIVE; without a table it re-clusters every
        // table clustered before, one transaction each, so "cannot be executed inside a transaction block".
        LockRow(id: "cluster", statement: "CLUSTER t [USING i]", lock: .accessExclusive, scans: true, rewrites: true,
                source: "https://www.postgresql.org/docs/current/sql-cluster.html (Description: ACCESS EXCLUSIVE while a table is clustered)",
                rules: ["migration/missing-lock-timeout", "migration/lock-held-across-statements"]),
        LockRow(id: "cluster-all", statement: "CLUSTER (no table named: every table clustered before)", lock: .accessExclusive,
                scans: true, rewrites: true, needsNoTransaction: true,
                source: "https://www.postgresql.org/docs/current/sql-cluster.html (Description: this form cannot be executed inside a transaction block)",
                rules: ["migration/concurrently-in-transaction"]),
        // REFRESH replaces the view's contents under ACCESS EXCLUSIVE on the view (Locking); CONCURRENTLY takes
        // EXCLUSIVE, so reads go on, and, unlike CREATE INDEX CONCURRENTLY, runs inside a transaction block. The lock
        // is on the view, which no rule counts as an existing table.
        LockRow(id: "refresh-materialized-view", statement: "REFRESH MATERIALIZED VIEW v (the lock is on the view)", lock: .accessExclusive,
                scans: true, rewrites: true,
                saferForm: "REFRESH MATERIALIZED VIEW CONCURRENTLY (EXCLUSIVE: reads go on; needs a unique index on the view)", saferFrom: 10,
                source: "\(locking) (ACCESS EXCLUSIVE: acquired by REFRESH MATERIALIZED VIEW)", rules: []),
        LockRow(id: "refresh-materialized-view-concurrently", statement: "REFRESH MATERIALIZED VIEW CONCURRENTLY v (the lock is on the view)",
                lock: .exclusive, scans: true, rewrites: false,
                source: "\(locking) (EXCLUSIVE: acquired by REFRESH MATERIALIZED VIEW CONCURRENTLY)", rules: []),
        // Adding a table to a publication, dropping it from one, or naming it in CREATE PUBLICATION: the page names
        // no lock; PostgreSQL opens each table named in SHARE UPDATE EXCLUSIVE mode (traced: LockTraceTests), which
        // no read or write waits for.
        LockRow(id: "publication-tables", statement: "CREATE PUBLICATION p FOR TABLE t / ALTER PUBLICATION p ADD / SET / DROP TABLE t",
                lock: .shareUpdateExclusive, scans: false, rewrites: false,
                source: "https://www.postgresql.org/docs/current/sql-alterpublication.html (no lock named; traced: SHARE UPDATE EXCLUSIVE on each table named)",
                rules: []),
        // Extended statistics are gathered by the next ANALYZE, not by the statement.
        LockRow(id: "create-statistics", statement: "CREATE STATISTICS s ON a, b FROM t", lock: .shareUpdateExclusive, scans: false,
                rewrites: false, source: "\(locking) (SHARE UPDATE EXCLUSIVE: acquired by CREATE STATISTICS)", rules: []),
    ] + LockMode.allCases.map { mode in
        // LOCK takes the mode it names, ACCESS EXCLUSIVE when it names none.
        LockRow(id: lockTableID(mode), statement: mode == .accessExclusive ? "LOCK TABLE t [IN ACCESS EXCLUSIVE MODE]" : "LOCK TABLE t IN \(mode) MODE",
                lock: mode, scans: false, rewrites: false,
                source: "https://www.postgresql.org/docs/current/sql-lock.html (Parameters: lockmode; ACCESS EXCLUSIVE when none is given)",
                rules: mode == .accessExclusive ? ["migration/missing-lock-timeout"] : [])
    }

    static func lockTableID(_ mode: LockMode) -> String {
        "lock-table-" + mode.description.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// Storage parameters that ALTER TABLE … SET changes under SHARE UPDATE EXCLUSIVE (its page lists fillfactor,
    /// the toast and autovacuum parameters and parallel_workers); the others take ACCESS EXCLUSIVE.
    static func isLightStorageParameter(_ name: String) -> Bool {
        let name = name.lowercased()
        return name == "fillfactor" || name == "parallel_workers" || name == "toast_tuple_target" || name.hasPrefix("toast.")
            || name.hasPrefix("autovacuum_")
    }

    public static func row(_ id: String) -> LockRow? { byID[id] }

    /// A row a rule names (every id a rule names is in `rows`: each rule's catalog examples run through it).
    static func named(_ id: String) -> LockRow {
        guard let row = byID[id] else { preconditionFailure("no lock-model row \(id)") }
        return row
    }

    private static let byID: [String: LockRow] = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Row id → the rows sharing it across versions (`add-column-default` and `add-column-default-before-11`).
    private static let versionsOfID: [String: [LockRow]] = Dictionary(grouping: rows) { row in
        row.id.range(of: "-before-").map { String(row.id[..<$0.lowerBound]) } ?? row.id
    }

    /// The rows behind a rule, for `schemalint explain`.
    public static func rows(forRule rule: String) -> [LockRow] { rows.filter { $0.rules.contains(rule) } }

    /// The rows as a Markdown table (docs/locks.md, `schemalint explain`).
    public static func markdown(_ rows: [LockRow]) -> String {
        var text = "| statement | lock on the table | other table | scans | rewrites | outside a transaction only | PostgreSQL | safer form (from) | source |\n"
        text += "|---|---|---|---|---|---|---|---|---|\n"
        for row in rows {
            let versions = row.versions.upperBound >= 99 ? "\(row.versions.lowerBound)+" : "\(row.versions.lowerBound)–\(row.versions.upperBound)"
            let safer = row.saferForm.map { form in row.saferFrom.map { "\(form) (\($0)+)" } ?? form } ?? ""
            // A `|` ends a table cell even inside a code span (`RENAME [COLUMN | CONSTRAINT]`) unless escaped.
            text += "| `\(row.statement.replacingOccurrences(of: "|", with: "\\|"))` | \(row.lock) | \(row.otherTableLock.map(\.description) ?? "") | \(row.scans ? "yes" : "no") | "
            text += "\(row.rewrites ? "yes" : "no") | \(row.needsNoTransaction ? "yes" : "no") | \(versions) | \(safer) | \(row.source) |\n"
        }
        return text
    }
}

/// What one statement (or `ALTER TABLE` action) does in the lock model.
struct LockEffect {
    var row: LockRow
    /// The table whose lock matters (the altered table; for `DROP INDEX`, the index's table when known).
    var table: QualifiedName?
    var range: Range<Int>
    /// The other tables it locks, each in the row's `otherTableLock` (the referenced table of a foreign key, the
    /// partition detached, the tables a dropped table's foreign keys link it to), when the statement or the
    /// schema names them.
    var otherTables: [QualifiedName] = []

    /// The lock on `otherTables`: the row's, or, for a foreign key declared inline with a column whose row is about
    /// the column (a default, a rewrite), SHARE ROW EXCLUSIVE as for any new foreign key.
    var otherTableLock: LockMode? { otherTables.isEmpty ? nil : row.otherTableLock ?? .shareRowExclusive }
}

extension LockModel {
    /// The rows a statement falls under at `version`, per action. `schema`: what earlier migrations made (index
    /// tables, column types). Statements the model does not describe give none (no guess).
    static func effects(of statement: SQLStatement, version: Int, schema: some TableLookup) -> [LockEffect] {
        func effect(_ id: String, _ table: QualifiedName?, _ range: Range<Int>? = nil, others: [QualifiedName] = []) -> [LockEffect] {
            guard let row = byID[versioned(id, version)] else { return [] }
            return [LockEffect(row: row, table: table, range: range ?? statement.range, otherTables: others)]
        }
        switch statement.kind {
        case .createIndex(let index):
            return effect(index.concurrently ? "create-index-concurrently" : "create-index", index.table.canonical)
        case .dropIndex(let drop):
            let table = drop.names.lazy.compactMap { schema.index($0)?.table }.first
            return effect(drop.concurrently ? "drop-index-concurrently" : "drop-index", table)
        case .reindex(let reindex):
            let table = reindex.objectKind == .index ? schema.index(reindex.name)?.table : reindex.objectKind == .table ? reindex.name.canonical : nil
            return effect(reindex.concurrently ? "reindex-concurrently" : "reindex", table)
        case .alterEnum(let alter):
            guard case .addValue = alter.change else { return [] }
            return effect("add-enum-value", nil)
        case .dropTable(let drop):
            let dropped = drop.names.map(\.canonical)
            return dropped.flatMap { table in
                effect("drop-table", table, others: schema.tablesLinked(to: table).filter { !dropped.contains($0) })
            }
        case .rename(let rename) where rename.objectKind == .table || rename.objectKind == .column || rename.objectKind == .constraint:
            return effect("rename", rename.table.map(\.canonical))
        case .createTable(let create):
            // The new table is no lock anyone waits for (and `IF NOT EXISTS` of one that exists takes none): only the
            // tables its foreign keys reference count.
            let name = create.name.canonical
            guard !(create.ifNotExists && schema.knows(name)) else { return [] }
            var others: [QualifiedName] = []
            for reference in create.constraints.compactMap(\.reference) + create.columns.compactMap(\.references) {
                let table = reference.referencedTable.canonical
                if table != name, !others.contains(table) { others.append(table) }
            }
            return others.isEmpty ? [] : effect("create-table-foreign-key", nil, others: others)
        case .update(let data), .delete(let data), .insert(let data): return effect("data-change", data.table.canonical)
        case .truncate(let tables, let cascade):
            let named = tables.map(\.canonical)
            let truncated = cascade ? named + schema.tablesReferencing(named).filter { !named.contains($0) } : named
            return truncated.flatMap { effect("truncate", $0) }
        case .lockTable(let tables, let mode):
            guard let mode = LockMode(rawValue: mode) else { return [] }
            return tables.flatMap { effect(lockTableID(mode), $0.canonical) }
        case .comment(_, let relation?): return effect("comment", relation.canonical)
        case .vacuum(let tables, let full, let analyzeOnly):
            let id = analyzeOnly ? "analyze" : full ? "vacuum-full" : "vacuum"
            // Without a table it works on every table of the database: still one statement to judge.
            return tables.isEmpty ? effect(id, nil) : tables.flatMap { effect(id, $0.canonical) }
        case .createTrigger(let trigger): return effect("create-trigger", trigger.table.canonical)
        case .setSchema(let move) where move.objectKind == .table: return effect("set-schema", move.name.canonical)
        case .cluster(let table): return table.map { effect("cluster", $0.canonical) } ?? effect("cluster-all", nil)
        case .refreshMaterializedView(let view, let concurrently):
            return effect(concurrently ? "refresh-materialized-view-concurrently" : "refresh-materialized-view", view.canonical)
        case .createStatistics(let tables): return tables.flatMap { effect("create-statistics", $0.canonical) }
        case .publication(let tables): return tables.flatMap { effect("publication-tables", $0.canonical) }
        case .policy(let policy): return effect("policy", policy.table.canonical)
        // `IF EXISTS` of one that is not there takes no lock, and whether it is there is not always known: no claim.
        case .drop(let drop) where drop.objectKind == .policy && !drop.ifExists:
            return drop.relation.map { effect("policy", $0.canonical) } ?? []
        case .drop(let drop) where drop.objectKind == .trigger && !drop.ifExists:
            return drop.relation.map { effect("drop-trigger", $0.canonical) } ?? []
        case .alterTable(let alter) where alter.objectKind == .table:
            let table = alter.table.canonical
            return alter.actions.flatMap { action -> [LockEffect] in
                guard let id = rowID(of: action, table: table, version: version, schema: schema) else { return [] }
                return effect(id, table, action.range, others: otherTables(of: action, table: table, schema: schema))
            }
        default:
            return []
        }
    }

    /// The tables an `ALTER TABLE` action locks besides its own.
    private static func otherTables(of action: AlterTableAction, table: QualifiedName, schema: some TableLookup) -> [QualifiedName] {
        switch action.kind {
        case .addColumn(let column, _): return column.references.map { [$0.referencedTable.canonical] } ?? []
        case .addConstraint(let constraint):
            guard case .foreignKey(let reference) = constraint.kind else { return [] }
            return [reference.referencedTable.canonical]
        case .dropConstraint(let name, _, _): return schema.foreignKeyTarget(name, of: table).map { [$0] } ?? []
        case .detachPartition(let partition, _), .attachPartition(let partition): return [partition.canonical]
        case .alterColumnType(let change): return schema.tablesLinked(to: table, through: change.column)
        default: return []
        }
    }

    /// A row id with its version suffix resolved (`add-column-default` at 10 is `add-column-default-before-11`).
    static func versioned(_ id: String, _ version: Int) -> String {
        guard let candidates = versionsOfID[id], candidates.count > 1 else { return id }
        return candidates.first { $0.versions.contains(version) }?.id ?? id
    }

    private static func rowID(of action: AlterTableAction, table: QualifiedName, version: Int, schema: some TableLookup) -> String? {
        switch action.kind {
        case .addColumn(let column, _):
            if column.hasVolatileDefault || column.isSerial || column.isGenerated { return "add-column-volatile" }
            if column.references != nil, !column.hasDefault { return "add-column-foreign-key" }
            return column.hasDefault ? "add-column-default" : "add-column"
        case .alterColumnType(let change):
            return TypeChangeRewrite.verdict(from: schema.type(of: change.column, in: table), to: change) == .noRewrite
                ? "alter-column-type-binary-coercible" : "alter-column-type"
        case .setNotNull: return "set-not-null"
        case .addConstraint(let constraint):
            switch constraint.kind {
            case .check: return constraint.notValid ? "add-check-not-valid" : "add-check"
            case .foreignKey: return constraint.notValid ? "add-foreign-key-not-valid" : "add-foreign-key"
            case .unique, .primaryKey: return constraint.usingIndex == nil ? "add-unique" : "add-unique-using-index"
            case .exclusion: return "add-exclusion"
            default: return nil
            }
        case .validateConstraint: return "validate-constraint"
        case .detachPartition(_, let concurrently): return concurrently ? "detach-partition-concurrently" : "detach-partition"
        case .dropConstraint(let name, _, _) where schema.foreignKeyTarget(name, of: table) != nil: return "drop-foreign-key"
        case .dropColumn, .setDefault, .dropDefault, .dropNotNull, .dropConstraint, .rowSecurity: return "alter-table-catalog"
        case .attachPartition: return "attach-partition"
        case .enableTrigger: return "enable-trigger"
        case .columnPlannerSettings: return "column-planner-settings"
        case .storageParameters(let names): return names.allSatisfy(isLightStorageParameter) ? "storage-parameters" : "storage-parameters-other"
        case .cluster: return "cluster-on"
        case .relocate: return "alter-table-relocate"
        case .other: return "alter-table-other"
        }
    }
}

/// The lock model's safer forms for the statements of one folder, fed in applied order (what a traced lock's
/// finding advises; the rows depend on what earlier statements made, such as a column's old type).
public struct LockAdvisor {
    private var schema = CatalogReplay()
    let version: Int

    public init(version: Int) { self.version = version }

    /// The safer forms of the rows `statement` falls under; then the statement is applied to the schema.
    public mutating func saferForms(of statement: SQLStatement) -> [String] {
        defer { schema.apply(statement, path: "") }
        return LockModel.effects(of: statement, version: version, schema: schema).compactMap(\.row.saferForm)
    }

    public mutating func apply(_ statement: SQLStatement) { schema.apply(statement, path: "") }
}
