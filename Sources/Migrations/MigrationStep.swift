import Catalog
import DrizzleKit

/// One migration in the order it is applied: a journal entry and the files it names, or a SQL file the journal
/// does not list (placed by its file name), or in drizzle-kit 1's layout one `<timestamp>_<name>/` folder.
public struct MigrationStep: Sendable {
    /// The journal `tag`, the SQL file's name, or the folder name.
    public var name: String
    public var entry: JournalEntry?
    /// nil when the journal lists a migration whose SQL file is missing.
    public var script: MigrationScript?
    /// The snapshot written with this migration, when there is one.
    public var snapshot: SnapshotHeader?
    /// Tables that existed before this migration ran: created by an earlier step (and not dropped or renamed
    /// away since) or present in the previous snapshot.
    public var tablesBefore: TablesBefore
    /// Tables this migration creates (`CREATE TABLE`, also inside `DO` blocks).
    public var tablesCreated: Set<QualifiedName>
    /// Taken as applied in this run (SPEC §9). Set only on the project that `new-migrations` rules see, whose
    /// findings in applied migrations are dropped anyway: they skip questions whose answer would read a snapshot.
    public var isApplied = false
    /// Tables that migrations of this run's pending batch created before this one: set on the same project as
    /// `isApplied`, in a folder where some migrations are applied. Deployed together with this migration, they are
    /// still empty when it runs, whatever an earlier pending migration did to them.
    public var createdByEarlierPendingMigrations: Set<QualifiedName> = []

    public init(name: String, entry: JournalEntry? = nil, script: MigrationScript? = nil, snapshot: SnapshotHeader? = nil,
                tablesBefore: TablesBefore = .none, tablesCreated: Set<QualifiedName> = []) {
        self.name = name
        self.entry = entry
        self.script = script
        self.snapshot = snapshot
        self.tablesBefore = tablesBefore
        self.tablesCreated = tablesCreated
    }

    /// Whether `table` has rows to worry about here: it existed before this migration and was not (re)created by it
    /// or by an earlier migration of the pending batch. A table created here is answered without asking
    /// `tablesBefore`, which may read a snapshot.
    public func existedBefore(_ table: QualifiedName) -> Bool {
        !tablesCreated.contains(table) && !createdByEarlierPendingMigrations.contains(table) && tablesBefore.contains(table)
    }
}
