import Core
import DrizzleKit
import JSON
import Migrations
import ProjectModel
import SQL

/// `migration/edited-after-merge` (with `--base`): a migration that exists at the base was changed, removed or
/// renumbered, or a new one is numbered before the base's last. Databases that already ran the merged
/// migrations never see such edits.
public struct EditedAfterMerge: ProjectRule {
    public let id = "migration/edited-after-merge"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        guard let baseFolders = project.baseMigrations else { return }
        let baseByPath = Dictionary(baseFolders.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for folder in project.migrations {
            guard let base = baseByPath[folder.path] else { continue }
            FolderComparison(base: base, current: folder, context: context).run()
        }
    }
}

/// The comparison of one folder at the base with the same folder now.
private struct FolderComparison {
    let base: MigrationFolder
    let current: MigrationFolder
    let context: RuleContext

    func run() {
        let currentByName = Dictionary(current.steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let baseNames = Set(base.steps.map(\.name))
        var renumberedTo: Set<String> = []
        for old in base.steps {
            if let now = currentByName[old.name] {
                compare(old, now)
            } else if let moved = current.steps.first(where: {
                !baseNames.contains($0.name) && MigrationName.tag(of: $0.name) == MigrationName.tag(of: old.name)
            }) {
                renumberedTo.insert(moved.name)
                let (path, range) = location(of: moved)
                context.report(path: path, range: range,
                               message: "merged migration `\(old.name)` was renumbered to `\(moved.name)`: databases that ran it under its old number run it again or never",
                               help: "restore the number `\(old.name)` and put new changes in a new migration after the last merged one")
            } else {
                reportRemoved(old)
            }
        }
        guard let lastMerged = base.steps.last(where: { $0.entry != nil || base.journal == nil }) ?? base.steps.last,
              let lastNumber = MigrationName.number(of: lastMerged.name).flatMap({ Int($0) }) else { return }
        for step in current.steps where !baseNames.contains(step.name) && !renumberedTo.contains(step.name) {
            guard let number = MigrationName.number(of: step.name).flatMap({ Int($0) }), number <= lastNumber else { continue }
            let (path, range) = location(of: step)
            if current.layout == .prisma {
                // `prisma migrate deploy` applies every migration its table does not list, in name order: this one
                // runs after `lastMerged` on databases that ran that, before it on fresh ones.
                context.report(path: path, range: range,
                               message: "new migration `\(step.name)` sorts before `\(lastMerged.name)`, the last merged one: databases that ran `\(lastMerged.name)` apply it after that one, fresh databases before it, so they may end up different",
                               help: "recreate it with `prisma migrate dev --create-only`, so its timestamp comes after `\(lastMerged.name)`")
                continue
            }
            context.report(path: path, range: range,
                           message: "new migration `\(step.name)` is numbered before `\(lastMerged.name)`, the last merged one: databases that ran `\(lastMerged.name)` skip it",
                           help: "regenerate it after `\(lastMerged.name)` with `drizzle-kit generate`, so it gets the next number")
        }
    }

    private func compare(_ old: MigrationStep, _ now: MigrationStep) {
        if let oldScript = old.script {
            if let script = now.script {
                if let offset = scriptDifference(oldScript.source.bytes, script.source.bytes) {
                    let statement = script.sql.statements.first { $0.range.upperBound > offset }
                    let range = statement.map { $0.range.lowerBound <= offset ? $0.range : ByteDifference.line(at: offset, in: script.source.bytes) }
                        ?? ByteDifference.line(at: offset, in: script.source.bytes)
                    let checksum = current.layout == .prisma ? " (Prisma compares its checksum with the one it recorded)" : ""
                    context.report(path: script.path, range: range,
                                   message: "merged migration `\(now.name)` was edited: databases that already ran it never get this change",
                                   help: "restore `\(current.layout == .journal ? script.name + ".sql" : script.path)` as merged\(checksum) and put the change in a new migration")
                }
            } else if let entry = now.entry {
                context.report(path: current.journalPath, range: entry.tagRange,
                               message: "the SQL file of merged migration `\(now.name)` was removed",
                               help: "restore `\(oldScript.name).sql` as merged and undo its changes in a new migration instead")
            }
        }
        if let oldEntry = old.entry, let entry = now.entry {
            if let was = oldEntry.when, let when = entry.when, was.value != when.value {
                context.report(path: current.journalPath, range: when.range,
                               message: "`when` of merged migration `\(now.name)` changed from \(was.value) to \(when.value): drizzle's migrator decides by `when` what still has to run",
                               help: "restore `when` to \(was.value)")
            }
            if let was = oldEntry.idx, let idx = entry.idx, was.value != idx.value {
                context.report(path: current.journalPath, range: idx.range,
                               message: "merged migration `\(now.name)` moved from `idx` \(was.value) to \(idx.value)",
                               help: "restore `idx` \(was.value) and add new migrations after the last merged one")
            }
        }
        if let oldSnapshot = old.snapshot {
            if let snapshot = now.snapshot {
                // drizzle-kit reads snapshots as JSON: a formatter's reflow of a merged one changes nothing.
                if let offset = JSONTextDifference.first(oldSnapshot.source.bytes, snapshot.source.bytes) {
                    context.report(path: snapshot.path, range: ByteDifference.line(at: offset, in: snapshot.source.bytes),
                                   message: "the snapshot of merged migration `\(now.name)` was edited: later migrations were generated against the merged one",
                                   help: "restore `\(snapshot.path)` as merged")
                }
            } else {
                let (path, range) = location(of: now)
                context.report(path: path, range: range,
                               message: "the snapshot of merged migration `\(now.name)` was removed",
                               help: "restore `\(oldSnapshot.path)` as merged")
            }
        }
    }

    /// Where a merged SQL file first changed. Prisma compares every byte with the checksum it recorded; drizzle's
    /// migrator never reads a merged file again, so only a change to what PostgreSQL would run is an edit (not a
    /// formatter's whitespace or keyword case).
    private func scriptDifference(_ old: [UInt8], _ new: [UInt8]) -> Int? {
        current.layout == .prisma ? ByteDifference.first(old, new) : SQLTextDifference.first(old, new)
    }

    /// A merged migration that is gone altogether: reported on the journal, or on the migration that now
    /// follows its place.
    private func reportRemoved(_ old: MigrationStep) {
        let message = "merged migration `\(old.name)` was removed: databases that ran it keep its changes"
        let help = "restore `\(old.name)` and undo its changes in a new migration instead"
        if let journal = current.journal {
            context.report(path: journal.path, range: journal.entriesRange.lowerBound..<min(journal.entriesRange.lowerBound + 1, journal.entriesRange.upperBound),
                           message: message, help: help)
        } else if let next = current.steps.first(where: { $0.name > old.name }) ?? current.steps.last {
            let (path, range) = location(of: next)
            context.report(path: path, range: range, message: message, help: help)
        }
    }

    /// Where a migration is pointed at: its journal entry's tag, its SQL file's first statement, its snapshot.
    private func location(of step: MigrationStep) -> (String, Range<Int>) {
        if let entry = step.entry { return (current.journalPath, entry.tagRange) }
        if let script = step.script { return (script.path, script.headlineRange) }
        if let snapshot = step.snapshot { return (snapshot.path, snapshot.idRange) }
        return (current.journalPath, 0..<0)
    }
}

/// Where two versions of a file first differ.
enum ByteDifference {
    /// The first offset at which `new` differs from `old` (within `new`), or nil when they are equal.
    static func first(_ old: [UInt8], _ new: [UInt8]) -> Int? {
        guard old != new else { return nil }
        var index = 0
        while index < old.count, index < new.count, old[index] == new[index] { index += 1 }
        return min(index, max(new.count - 1, 0))
    }

    /// The line holding `offset`, without its line break and leading blanks.
    static func line(at offset: Int, in bytes: [UInt8]) -> Range<Int> {
        guard !bytes.isEmpty else { return 0..<0 }
        let offset = min(offset, bytes.count - 1)
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        return start..<max(end, start)
    }
}
