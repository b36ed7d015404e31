import Migrations
import ProjectModel

/// The Supabase migration folders with their replayed row-level security, for the `rls/` rules.
extension Project {
    var supabaseFolders: [(folder: MigrationFolder, project: SupabaseProject, security: RowSecurity)] {
        migrations.compactMap { folder in
            guard let project = folder.supabase, let security = folder.rowSecurity else { return nil }
            return (folder, project, security)
        }
    }
}

extension RowSecurity {
    /// Tables whose state is known, sorted by where they were created (stable output).
    var knownTables: [Table] {
        tables.values.filter { !$0.isUnknown }
            .sorted { ($0.created.path, $0.created.range.lowerBound) < ($1.created.path, $1.created.range.lowerBound) }
    }
}

extension RowSecurity.Table {
    /// Where the table was left without RLS: the `DISABLE ROW LEVEL SECURITY`, else the `CREATE TABLE`.
    var rlsSite: RowSecurity.Site { rlsChanged ?? created }
}

/// Schemas Supabase manages itself: their functions are not the project's to fix.
let supabaseManagedSchemas: Set<String> = [
    "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "pgsodium", "vault", "net", "cron",
    "supabase_functions", "supabase_migrations", "pg_catalog", "information_schema",
]
