import Core
import Migrations
import ProjectModel

/// `migration/journal-mismatch`: the journal, the SQL files and the snapshots do not describe the same
/// migrations — a SQL file the migrator never runs, an entry whose file is missing, a missing snapshot.
public struct JournalMismatch: ProjectRule {
    public let id = "migration/journal-mismatch"
    public let facets: Facets = [.migrations, .configuration]
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
            case .journal: checkJournalFolder(folder, runner: project.configuration.migrationRunner, ignoredByGit: project.gitIgnoredFiles, context)
            case .folders: checkKitOneFolder(folder, context)
            // Prisma keeps no journal or snapshots: its history is the folder names and the database's table.
            case .prisma: break
            case .supabase: break  // no journal: the CLI lists the folder (file names: `migration/out-of-order`)
            }
        }
    }

    private func checkJournalFolder(_ folder: MigrationFolder, runner: MigrationRunnerSetting?, ignoredByGit: Set<String>,
                                    _ context: RuleContext) {
        reportUnlisted(folder, runner: runner, context)
        let inFolder = folder.path.isEmpty ? "" : folder.path + "/"
        let namesByTag = Self.namesSnapshotsByTag(folder)
        for step in folder.steps {
            guard let entry = step.entry else { continue }
            // A file git ignores is on disk but in no commit: the cause is a `.gitignore` pattern, not a lost file.
            func reportMissing(_ file: String, what: String, failure: String, help: String) {
                let ignored = ignoredByGit.contains(inFolder + file)
                context.report(
                    path: folder.journalPath, range: entry.tagRange,
                    message: ignored
                        ? "journal entry `\(step.name)`: `\(file)` is on disk but git ignores it, so no commit has it: in CI, the deploy and every other clone, \(failure)"
                        : "journal entry `\(step.name)` has no \(what) `\(file)`: \(failure)",
                    help: ignored ? Self.ignoredHelp(file) : help)
            }
            if step.script == nil {
                reportMissing("\(step.name).sql", what: "SQL file", failure: "drizzle's migrator fails when it reaches it",
                              help: "restore `\(step.name).sql`, or remove the entry with `drizzle-kit drop`")
            }
            if step.snapshot == nil {
                let key = (namesByTag ? entry.snapshotKeys.first : entry.snapshotKeys.last) ?? step.name
                reportMissing("meta/\(key)_snapshot.json", what: "snapshot",
                              failure: "the next `drizzle-kit generate` diffs against an older schema",
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

    /// Whether the folder's snapshots are named after their tag's number (`meta/20260129210000_snapshot.json`, as
    /// drizzle-kit writes them with a `timestamp` prefix) rather than the entry's `idx` (`meta/0027_snapshot.json`):
    /// a missing one is named the way its neighbours are.
    private static func namesSnapshotsByTag(_ folder: MigrationFolder) -> Bool {
        var byTag = 0, byIndex = 0
        for step in folder.steps {
            guard let keys = step.entry?.snapshotKeys, keys.count > 1, let key = step.snapshot?.key else { continue }
            if key == keys.first { byTag += 1 } else if key == keys.last { byIndex += 1 }
        }
        return byTag > byIndex
    }

    /// How to commit a file git ignores. By file name: its path is relative to the checked folder, which need not
    /// be where the user runs git.
    private static func ignoredHelp(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return "commit it with `git add -f` on `\(file)`, and narrow the `.gitignore` pattern that matches it (`git check-ignore -v` on the file names the pattern), so that the next migration is committed too"
    }

    /// SQL files the journal does not list, which drizzle's migrator never runs. Not a problem where something else
    /// applies the folder: the Supabase CLI (`supabase db diff` writes such files), or a runner the configuration
    /// names. When most of the folder is unlisted, drizzle's migrator evidently is not what applies it: one finding
    /// for the folder says so and how to tell schemalint, instead of one per file.
    private func reportUnlisted(_ folder: MigrationFolder, runner: MigrationRunnerSetting?, _ context: RuleContext) {
        guard folder.journalError == nil, !folder.isAppliedBySupabaseCLI, runner == nil || runner == .drizzleKit else { return }
        let unlisted = folder.steps.filter { $0.entry == nil }.compactMap(\.script)
        guard !unlisted.isEmpty else { return }
        let listed = folder.steps.filter { $0.entry != nil && $0.script != nil }.count
        if let journal = folder.journal, unlisted.count >= Self.unlistedFolderMinimum, unlisted.count > listed {
            // At least `unlistedFolderMinimum` files: the first and the last name the run.
            let names = "`\(unlisted[0].name).sql` … `\(unlisted[unlisted.count - 1].name).sql`"
            context.report(
                path: folder.journalPath, range: journal.entriesRange.lowerBound..<min(journal.entriesRange.lowerBound + 1, journal.entriesRange.upperBound),
                message: "`meta/_journal.json` lists \(listed) of the \(listed + unlisted.count) SQL files in `\(folder.path.isEmpty ? "." : folder.path)`: drizzle's migrator never runs the other \(unlisted.count) (\(names))",
                help: "if these files are applied another way (by hand, psql, another tool), set `migrations: { runner: per-file-transaction }` (or `none`) in .schemalint.yml so they are judged as that runner applies them; else recreate them with `drizzle-kit generate --custom` so the journal lists them")
            return
        }
        for script in unlisted {
            context.report(
                path: script.path, range: script.headlineRange,
                message: "`\(script.name).sql` is not listed in `meta/_journal.json`: drizzle's migrator never runs it",
                help: "create migrations with `drizzle-kit generate` (`--custom` for hand-written SQL) so the journal lists them")
        }
    }

    /// From this many unlisted files (and more than the journal lists), the folder gets one finding, not one per file.
    static let unlistedFolderMinimum = 3

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
