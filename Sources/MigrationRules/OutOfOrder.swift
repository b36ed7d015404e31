import Core
import Migrations
import ProjectModel

/// `migration/out-of-order`: journal entries not numbered 0…n-1, `when` not increasing (drizzle's migrator
/// silently skips such a migration on databases that ran the one before), duplicated or wrong number prefixes.
public struct OutOfOrder: ProjectRule {
    public let id = "migration/out-of-order"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations {
            if let journal = folder.journal { checkJournal(journal, context) }
            checkDuplicateNumbers(folder, context)
        }
    }

    private func checkJournal(_ journal: Journal, _ context: RuleContext) {
        var latest: (when: Int, tag: String)?
        for entry in journal.entries {
            let tag = entry.tag?.value ?? "#\(entry.position)"
            if let idx = entry.idx, idx.value != entry.position {
                context.report(
                    path: journal.path, range: idx.range,
                    message: "journal entry `\(tag)` has `idx` \(idx.value) but is entry \(entry.position): entries must be numbered 0…n-1 in order",
                    help: "set `idx` to \(entry.position)")
            } else if let number = MigrationName.number(of: tag), number.count < 8, let value = Int(number), value != entry.position {
                // Sequential prefixes (`0003_`) follow the position; timestamp prefixes (`20250101…`) do not.
                context.report(
                    path: journal.path, range: entry.tagRange,
                    message: "journal entry `\(tag)` is numbered \(value) but is entry \(entry.position): its SQL file and snapshot are looked up by the wrong number",
                    help: "rename the migration so that its number is \(entry.position), or move its entry to position \(value)")
            }
            guard let when = entry.when else { continue }
            if let previous = latest, when.value <= previous.when {
                context.report(
                    path: journal.path, range: when.range,
                    message: "`when` of `\(tag)` (\(when.value)) is not later than that of `\(previous.tag)` (\(previous.when)): drizzle's migrator silently skips `\(tag)` on databases that already ran `\(previous.tag)`",
                    help: "set `when` of `\(tag)` above \(previous.when)")
            } else {
                latest = (when.value, tag)
            }
        }
    }

    /// Two SQL files (or two snapshots) with the same number: migrations created on two branches.
    private func checkDuplicateNumbers(_ folder: MigrationFolder, _ context: RuleContext) {
        let listed = Set(folder.journal?.entries.compactMap { $0.tag?.value } ?? [])
        let byNumber = Dictionary(grouping: folder.scripts.filter { $0.number != nil }) { Int($0.number ?? "") ?? -1 }
        for (_, scripts) in byNumber where scripts.count > 1 {
            let sorted = scripts.sorted { $0.path < $1.path }
            // The journaled file is the real one; without one, the first by name.
            let kept = sorted.first { listed.contains($0.name) } ?? sorted[0]
            for script in sorted where script.path != kept.path {
                context.report(
                    path: script.path, range: script.headlineRange,
                    message: "`\(script.name)` has the same number as `\(kept.name)`: two migrations were created on different branches",
                    help: "regenerate it after the latest migration with `drizzle-kit generate`, so it gets the next number")
            }
        }
        guard folder.layout == .journal else { return }
        let snapshotsByNumber = Dictionary(grouping: folder.snapshots) { Int(MigrationName.number(of: $0.key) ?? "") ?? -1 }
        for (number, snapshots) in snapshotsByNumber where number >= 0 && snapshots.count > 1 {
            let sorted = snapshots.sorted { $0.path < $1.path }
            for snapshot in sorted.dropFirst() {
                context.report(
                    path: snapshot.path, range: snapshot.idRange,
                    message: "snapshot `\(snapshot.path)` has the same number as `\(sorted[0].path)`",
                    help: "remove the duplicate snapshot, keeping the one its journal entry was generated with")
            }
        }
    }
}
