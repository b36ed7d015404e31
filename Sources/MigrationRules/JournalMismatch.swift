import Core
import Migrations
import ProjectModel

/// `migration/journal-mismatch`: the journal, the SQL files and the snapshots do not describe the same
/// migrations — a SQL file the migrator never runs, an entry whose file is missing, a missing snapshot.
public struct JournalMismatch: ProjectRule {
    public let id = "migration/journal-mismatch"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations {
            if let error = folder.journalError {
                context.report(
                    path: error.path, range: error.range,
                    message: "`meta/_journal.json` cannot be read: \(error.message)",
                    help: "restore the journal from version control; drizzle's migrator cannot run this folder without it")
            }
            switch folder.layout {
            case .journal: checkJournalFolder(folder, context)
            case .folders: checkKitOneFolder(folder, context)
            // Prisma keeps no journal or snapshots: its history is the folder names and the database's table.
            case .prisma: break
            case .supabase: break  // no journal: the CLI lists the folder (file names: `migration/out-of-order`)
            }
        }
    }

    private func checkJournalFolder(_ folder: MigrationFolder, _ context: RuleContext) {
        for step in folder.steps {
            guard let entry = step.entry else {
                // Under the Supabase CLI a file the journal does not list still runs (`supabase db diff` writes them).
                if let script = step.script, folder.journalError == nil, !folder.isAppliedBySupabaseCLI {
                    context.report(
                        path: script.path, range: script.headlineRange,
                        message: "`\(script.name).sql` is not listed in `meta/_journal.json`: drizzle's migrator never runs it",
                        help: "create migrations with `drizzle-kit generate` (`--custom` for hand-written SQL) so the journal lists them")
                }
                continue
            }
            let journalPath = folder.journalPath
            if step.script == nil {
                context.report(
                    path: journalPath, range: entry.tagRange,
                    message: "journal entry `\(step.name)` has no SQL file `\(step.name).sql`: drizzle's migrator fails when it reaches it",
                    help: "restore `\(step.name).sql`, or remove the entry with `drizzle-kit drop`")
            }
            if step.snapshot == nil {
                let number = entry.snapshotKeys.last ?? step.name
                context.report(
                    path: journalPath, range: entry.tagRange,
                    message: "journal entry `\(step.name)` has no snapshot `meta/\(number)_snapshot.json`: the next `drizzle-kit generate` diffs against an older schema",
                    help: "create hand-written migrations with `drizzle-kit generate --custom`, which writes the snapshot")
            }
        }
        guard folder.journal != nil else { return }
        let used = Set(folder.steps.compactMap { $0.snapshot?.path })
        for snapshot in folder.snapshots where !used.contains(snapshot.path) {
            context.report(
                path: snapshot.path, range: snapshot.idRange,
                message: "snapshot `meta/\(snapshot.key)_snapshot.json` belongs to no journal entry",
                help: "remove the stray snapshot, or restore the journal entry numbered `\(snapshot.key)`")
        }
    }

    /// drizzle-kit 1: every `<timestamp>_<name>/` folder holds `migration.sql` and `snapshot.json`.
    private func checkKitOneFolder(_ folder: MigrationFolder, _ context: RuleContext) {
        for step in folder.steps {
            if let script = step.script, step.snapshot == nil {
                context.report(
                    path: script.path, range: script.headlineRange,
                    message: "migration folder `\(step.name)` has no `snapshot.json`: the next `drizzle-kit generate` diffs against an older schema",
                    help: "create hand-written migrations with `drizzle-kit generate --custom`, which writes the snapshot")
            } else if let snapshot = step.snapshot, step.script == nil {
                context.report(
                    path: snapshot.path, range: snapshot.idRange,
                    message: "migration folder `\(step.name)` has a snapshot but no `migration.sql`: its changes are never applied",
                    help: "restore `migration.sql`, or remove the folder with `drizzle-kit drop`")
            }
        }
    }
}
