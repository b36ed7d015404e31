import Catalog
import Core
import DrizzleKit
import SQLReplay

/// A drizzle-kit migrations folder as read: the journal, every SQL file and snapshot, and the migrations in
/// the order they are applied.
public struct MigrationFolder: Sendable {
    public enum Layout: Sendable, Hashable {
        /// drizzle-kit 0.x: `meta/_journal.json`, `NNNN_tag.sql`, `meta/NNNN_snapshot.json`.
        case journal
        /// drizzle-kit 1: `<timestamp>_<name>/migration.sql` + `snapshot.json`, no journal.
        case folders
        /// Prisma Migrate (the legacy ORM): `<name>/migration.sql` beside `migration_lock.toml`, applied in folder
        /// name order. `prisma migrate deploy` sends each file as one multi-statement query, which PostgreSQL runs
        /// as one implicit transaction per migration (prisma/orm#22922), not one for all pending migrations.
        case prisma
        /// Supabase CLI: `supabase/migrations/<timestamp>_<name>.sql`, applied in file name order, each file in its own
        /// transaction (the CLI sends a file's statements as one batch, which PostgreSQL runs as one transaction).
        case supabase
    }

    /// Repository-relative, no trailing `/` ("" for the repository root).
    public var path: String
    public var layout: Layout
    /// The drizzle config whose `out` this folder is, when it was found through one.
    public var configPath: String?
    /// `meta/_journal.json`: nil when absent or unreadable (see `journalError`), and always in the folders layout.
    public var journal: Journal?
    public var journalError: JSONFileError?
    /// The journal file as read (also when it is not valid JSON).
    public var journalSource: SourceFile?
    /// Every SQL file, by path.
    public var scripts: [MigrationScript]
    /// Every snapshot, by path.
    public var snapshots: [SnapshotHeader]
    /// The migrations in the order they are applied (journal order; unlisted SQL files placed by name).
    public var steps: [MigrationStep]
    /// The newest snapshot by journal order (not file name order), fully read for `schema/migration-drift`.
    public var latestSnapshot: Snapshot?
    /// Why the latest snapshot could not be read, when it could not.
    public var latestSnapshotError: ReaderDiagnostic?
    /// Set when the folder is a Supabase project's `supabase/migrations` (whoever writes it: the CLI or drizzle-kit).
    public var supabase: SupabaseProject?
    /// The folder's SQL replayed into a catalog, step by step (`MigrationReplay.empty` until the reader fills it),
    /// row-level security included: `rls/` rules judge it for Supabase folders, and
    /// `rls/drizzle-rls-not-in-migration` compares the Drizzle schema with it everywhere.
    public var replay: MigrationReplay = .empty

    public init(path: String, layout: Layout, configPath: String? = nil, journal: Journal? = nil,
                journalError: JSONFileError? = nil, scripts: [MigrationScript] = [], snapshots: [SnapshotHeader] = [],
                steps: [MigrationStep] = [], latestSnapshot: Snapshot? = nil, latestSnapshotError: ReaderDiagnostic? = nil) {
        self.path = path
        self.layout = layout
        self.configPath = configPath
        self.journal = journal
        self.journalError = journalError
        self.scripts = scripts
        self.snapshots = snapshots
        self.steps = steps
        self.latestSnapshot = latestSnapshot
        self.latestSnapshotError = latestSnapshotError
    }

    /// The Supabase CLI applies this folder: its own layout, or a drizzle-kit journal in a Supabase project's
    /// `supabase/migrations` whose SQL files carry 14-digit timestamps (drizzle-kit's `migrations.prefix: "supabase"`,
    /// made so that `supabase db push` runs them, each file as one transaction, hand-written files beside them too).
    public var isAppliedBySupabaseCLI: Bool {
        switch layout {
        case .supabase: return true
        case .journal:
            return supabase != nil && !scripts.isEmpty
                && scripts.allSatisfy { SupabaseMigrationName.isValid($0.name) && MigrationName.number(of: $0.name)?.count == 14 }
        case .folders, .prisma: return false
        }
    }

    /// `path/meta/_journal.json`.
    public var journalPath: String { DrizzleKitLayout.journalPath(in: path) }

    static func join(_ folder: String, _ child: String) -> String {
        folder.isEmpty ? child : folder + "/" + child
    }
}
