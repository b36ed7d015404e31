import Catalog
import Core
import Migrations
import ProjectModel

/// Which migrations are taken as applied in this run, so that rules whose catalog `scope` is `new-migrations`
/// judge only the others (SPEC §9). A migration is new when its SQL file's path is not at the boundary (a
/// merged migration edited since is `migration/edited-after-merge`'s business, not a new one).
package struct AppliedMigrations {
    /// Paths of the SQL files of applied migrations.
    package var scripts: Set<String> = []
    var judgedCount = 0
    var label: String?

    var appliedCount: Int { scripts.count }

    /// `since` (`migrations.since`) naming a migration makes it and every migration before it applied in its
    /// folder; folders without it, and every folder when it names none, follow `boundary`.
    package init(folders: [MigrationFolder], boundary: MigrationBoundary?, since: String?, configurationPath: String?) throws(InputError) {
        let withScripts = folders.map { folder in folder.steps.compactMap(\.script) }
        let sinceFolders = since.map { name in Set(folders.indices.filter { folders[$0].steps.contains { $0.name == name } }) } ?? []
        if let since, sinceFolders.isEmpty, !(boundary?.isSinceRef ?? false), withScripts.contains(where: { !$0.isEmpty }) {
            throw InputError(
                path: configurationPath ?? ConfigurationReader.fileName,
                reason: "`migrations.since: \(since)` names no migration (`\(folders.first?.steps.last?.name ?? "0000_tag")` is one) and no git branch, tag or commit")
        }
        var fromTree: [String] = []
        for (index, folder) in folders.enumerated() {
            if let since, sinceFolders.contains(index), let position = folder.steps.firstIndex(where: { $0.name == since }) {
                for step in folder.steps[...position] { if let script = step.script { scripts.insert(script.path) } }
                label = "up to `migrations.since: \(since)`"
            } else {
                fromTree += withScripts[index].map(\.path)
            }
        }
        if let boundary, !fromTree.isEmpty, let existing = try boundary.tree.existing(fromTree) {
            scripts.formUnion(existing)
            scripts.formUnion(try Self.moved(fromTree.filter { !existing.contains($0) }, in: boundary.tree))
            label = label.map { $0 + "; others \(boundary.label)" } ?? boundary.label
        }
        judgedCount = withScripts.reduce(0) { $0 + $1.count } - scripts.count
    }

    /// Migrations whose folder moved deeper since the boundary (`prisma/migrations/` into
    /// `packages/db/prisma/migrations/` when a repository becomes a monorepo): a path not at the boundary whose
    /// tail, one or more leading folders dropped, is there. The migration of that name was merged; its files were
    /// only moved. At least the migrations folder and the file stay in the tail, so a bare `0001_x.sql` at the
    /// root never matches.
    static func moved(_ paths: [String], in tree: any BoundaryTree) throws(InputError) -> Set<String> {
        var found: Set<String> = []
        var remaining = paths.map { ($0, $0.split(separator: "/").map(String.init)) }
        var dropped = 1
        while !remaining.isEmpty {
            var tails: [String: String] = [:]
            for (path, parts) in remaining where parts.count - dropped >= 2 {
                tails[parts[dropped...].joined(separator: "/")] = path
            }
            guard !tails.isEmpty, let existing = try tree.existing(Array(tails.keys)) else { break }
            for tail in existing { if let path = tails[tail] { found.insert(path) } }
            remaining.removeAll { found.contains($0.0) || $0.1.count - dropped < 2 }
            dropped += 1
        }
        return found
    }
}

extension Project {
    /// The project with the steps of applied migrations marked, for `new-migrations` rules (see `isApplied`).
    ///
    /// Where a folder has applied migrations, the others are the pending batch, deployed together: a table one of
    /// them creates is empty when the next runs (trigger.dev creates `prompts` and adds a NOT NULL column to it in the
    /// next migration of the same pull request), so it has no rows to lock or scan. A folder with none applied (no
    /// boundary in it) keeps "an earlier migration has it": which of its migrations ran where is unknown.
    func markingApplied(_ scripts: Set<String>) -> Project {
        var project = self
        for folder in project.migrations.indices {
            var steps = project.migrations[folder].steps
            for step in steps.indices {
                if let path = steps[step].script?.path, scripts.contains(path) { steps[step].isApplied = true }
            }
            if steps.contains(where: \.isApplied) {
                var createdByPending: Set<QualifiedName> = []
                for step in steps.indices where !steps[step].isApplied {
                    steps[step].createdByEarlierPendingMigrations = createdByPending
                    createdByPending.formUnion(steps[step].tablesCreated)
                }
            }
            project.migrations[folder].steps = steps
        }
        return project
    }
}
