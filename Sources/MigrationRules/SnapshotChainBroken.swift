import Catalog
import Core
import DrizzleKit
import Migrations
import ProjectModel
import SQL

/// `migration/snapshot-chain-broken`: each snapshot names the one before it (`prevId`, or version 8's
/// `prevIds`); a break means drizzle-kit diffed against the wrong history, usually a merge of two branches.
public struct SnapshotChainBroken: ProjectRule {
    public let id = "migration/snapshot-chain-broken"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations { check(folder, context) }
    }

    private func check(_ folder: MigrationFolder, _ context: RuleContext) {
        for snapshot in folder.snapshots {
            guard let error = snapshot.error else { continue }
            context.report(path: snapshot.path, range: error.range,
                           message: "snapshot `\(snapshot.path)` cannot be read: \(error.message)",
                           help: "restore the snapshot from version control; drizzle-kit diffs the next migration against it")
        }
        // Snapshots in applied order, then any that belong to no migration. One file can be the snapshot of two
        // journal entries that share a number (`0025_a`, `0025_b`: out-of-order reports those); it is one snapshot,
        // in the chain once, and never compared with itself.
        var seenPaths: Set<String> = []
        let ordered = folder.steps.compactMap(\.snapshot).filter { seenPaths.insert($0.path).inserted }
        let unordered = folder.snapshots.sorted { $0.path < $1.path }.filter { seenPaths.insert($0.path).inserted }
        let all = (ordered + unordered).filter { $0.error == nil }

        var seenIDs: [String: SnapshotHeader] = [:]
        var seenParents: [String: SnapshotHeader] = [:]
        var sharingParent: Set<String> = []
        let scripts = Dictionary(folder.steps.compactMap { step in step.snapshot.map { ($0.path, step.script) } },
                                 uniquingKeysWith: { first, _ in first })
        for snapshot in all {
            if let id = snapshot.id, let first = seenIDs[id.value] {
                context.report(path: snapshot.path, range: id.range,
                               message: "snapshot `\(snapshot.path)` has the same `id` as `\(first.path)`",
                               help: "regenerate the later migration with `drizzle-kit generate` so that its snapshot gets a new `id`")
            } else if let id = snapshot.id {
                seenIDs[id.value] = snapshot
            }
            for parent in snapshot.prevIds where !parent.value.isEmpty && !Self.isRoot(parent.value) {
                if let first = seenParents[parent.value], first.path != snapshot.path {
                    sharingParent.insert(snapshot.path)
                    // drizzle-kit 1 lets branches share a parent: its `check` refuses only migrations that touch the
                    // same objects (commutativity). Two that change different tables are a normal merge.
                    if folder.layout == .folders,
                       Self.commute(scripts[first.path] ?? nil, scripts[snapshot.path] ?? nil) { continue }
                    context.report(path: snapshot.path, range: parent.range,
                                   message: "snapshot `\(snapshot.path)` has the same parent as `\(first.path)`: the two migrations were generated on different branches",
                                   help: "delete the later migration and run `drizzle-kit generate` again on top of the other")
                } else if seenParents[parent.value] == nil {
                    seenParents[parent.value] = snapshot
                }
            }
        }

        // An intact chain that the journal lists in another order (two entries swapped by hand or by a merge) is
        // one problem, not a break and a cycle at every snapshot around it: reported once, where the order is.
        if let chain = Self.linearChain(ordered.filter { $0.error == nil }) {
            reportReordered(folder, chain: chain, scripts: scripts, context)
            return
        }
        reportCycles(ordered.filter { $0.error == nil }, context)

        // A snapshot right after a migration whose snapshot is missing, naming a parent no file has: that parent is
        // the missing snapshot, which `migration/journal-mismatch` reports; regenerating this one would not help.
        var afterMissing: Set<String> = []
        for (earlier, step) in zip(folder.steps, folder.steps.dropFirst()) where earlier.snapshot == nil {
            if let snapshot = step.snapshot { afterMissing.insert(snapshot.path) }
        }
        var previous: SnapshotHeader?
        for snapshot in ordered {
            defer { previous = snapshot.error == nil ? snapshot : nil }
            guard snapshot.error == nil, let before = previous, let beforeID = before.id?.value,
                  !sharingParent.contains(snapshot.path), !snapshot.prevIds.contains(where: { $0.value == beforeID }) else { continue }
            if afterMissing.contains(snapshot.path), !snapshot.prevIds.contains(where: { seenIDs[$0.value] != nil }) { continue }
            let range = snapshot.prevIds.first?.range ?? snapshot.idRange
            let written = snapshot.prevIds.first.map { "`\($0.value)`" } ?? "missing"
            context.report(path: snapshot.path, range: range,
                           message: "the parent of `\(snapshot.path)` is \(written) but the snapshot before it, `\(before.path)`, has `id` `\(beforeID)`",
                           help: "regenerate this migration with `drizzle-kit generate` on top of `\(before.path)`")
        }
    }

    /// Each snapshot's position in the history its `prevId`s describe, when that history is one line through all of
    /// them (one first snapshot, every other one the only child of another); nil when it branches, repeats an `id`
    /// or leaves a snapshot out.
    static func linearChain(_ snapshots: [SnapshotHeader]) -> [String: Int]? {
        var byID: [String: SnapshotHeader] = [:]
        for snapshot in snapshots {
            guard let id = snapshot.id?.value, byID.updateValue(snapshot, forKey: id) == nil else { return nil }
        }
        var first: SnapshotHeader?
        var child: [String: SnapshotHeader] = [:]
        for snapshot in snapshots {
            let parents = snapshot.prevIds.map(\.value).filter { byID[$0] != nil }
            switch parents.count {
            case 0:
                guard first == nil else { return nil }
                first = snapshot
            case 1:
                guard snapshot.prevIds.count == 1, child.updateValue(snapshot, forKey: parents[0]) == nil else { return nil }
            default: return nil
            }
        }
        var positions: [String: Int] = [:]
        var next = first
        while let snapshot = next, positions[snapshot.path] == nil {
            positions[snapshot.path] = positions.count
            next = snapshot.id.flatMap { child[$0.value] }
        }
        return positions.count == snapshots.count ? positions : nil
    }

    /// Journal entries listed after one whose snapshot was generated on top of theirs: drizzle's migrator runs the
    /// two in the opposite order. Only when their statements touch the same objects does that order matter (the
    /// `when` values are `migration/out-of-order`'s).
    private func reportReordered(_ folder: MigrationFolder, chain: [String: Int], scripts: [String: MigrationScript?],
                                 _ context: RuleContext) {
        var listed: [(step: MigrationStep, snapshot: SnapshotHeader, position: Int)] = []
        for step in folder.steps {
            guard let entry = step.entry, let snapshot = step.snapshot, let position = chain[snapshot.path] else { continue }
            defer { listed.append((step, snapshot, position)) }
            guard let (later, laterSnapshot, _) = listed.first(where: { $0.position > position }),
                  !Self.commute(scripts[laterSnapshot.path] ?? nil, scripts[snapshot.path] ?? nil) else { continue }
            context.report(
                path: folder.journalPath, range: entry.tagRange,
                message: "the journal lists `\(step.name)` after `\(later.name)`, but the snapshot of `\(later.name)` was generated on top of this one's: drizzle's migrator runs the two in the opposite order to the one they were written in",
                help: "move the entry of `\(step.name)` before `\(later.name)` in `meta/_journal.json` and renumber `idx`, so that the SQL runs in the order drizzle-kit generated it")
        }
    }

    /// A parent that is the snapshot itself, or one applied after it, makes the history a cycle: no order of the
    /// snapshots follows every `prevId`, and the checks above (each against the one before) cannot see it.
    private func reportCycles(_ ordered: [SnapshotHeader], _ context: RuleContext) {
        var positions: [String: Int] = [:]
        for (index, snapshot) in ordered.enumerated() {
            if let id = snapshot.id?.value, positions[id] == nil { positions[id] = index }
        }
        for (index, snapshot) in ordered.enumerated() {
            for parent in snapshot.prevIds {
                guard let at = positions[parent.value], at >= index else { continue }
                let named = at == index ? "itself" : "`\(ordered[at].path)`, which comes after it"
                context.report(path: snapshot.path, range: parent.range,
                               message: "snapshot `\(snapshot.path)` names \(named) as its parent: the snapshot history is a cycle",
                               help: "restore the snapshots from version control, or regenerate the migrations from the last good one with `drizzle-kit generate`")
            }
        }
    }

    /// Whether two migrations can run in either order: each one's statements name their objects, and no object is
    /// named by both. A statement whose objects the reader cannot name (a `DO` block, an unknown statement) leaves
    /// the question open, and an open question is not a finding.
    static func commute(_ first: MigrationScript?, _ second: MigrationScript?) -> Bool {
        guard let first, let second else { return true }
        guard let one = objects(first.sql.allStatements), let other = objects(second.sql.allStatements) else { return true }
        return one.isDisjoint(with: other)
    }

    /// The tables, indexes, types and other objects the statements create, change or read by name (as
    /// `schema.name`, the public schema spelled out); nil when one statement's objects are not known.
    static func objects(_ statements: [SQLStatement]) -> Set<String>? {
        var names: Set<String> = []
        for statement in statements {
            guard let named = objects(of: statement.kind) else { return nil }
            names.formUnion(named.map(\.snapshotKey))
        }
        return names
    }

    private static func objects(of kind: StatementKind) -> [QualifiedName]? {
        switch kind {
        case .createTable(let create):
            // A foreign key reads the table it references: a branch that drops or changes that table conflicts.
            return [create.name] + create.columns.compactMap(\.references?.referencedTable)
                + create.constraints.compactMap(\.referencedTable)
        case .alterTable(let alter):
            return [alter.table] + alter.actions.compactMap { action in
                switch action.kind {
                case .addColumn(let column, _): column.references?.referencedTable
                case .addConstraint(let constraint): constraint.referencedTable
                default: nil
                }
            }
        case .createIndex(let index): return [index.table] + (index.name.map { [QualifiedName(schema: index.table.schema, name: $0)] } ?? [])
        case .dropIndex(let drop), .dropTable(let drop), .drop(let drop): return drop.names
        case .rename(let rename): return rename.table.map { [$0] }
        case .createEnum(let create): return [create.name]
        case .alterEnum(let alter): return [alter.name]
        case .update(let change), .delete(let change), .insert(let change): return [change.table]
        case .create(let create): return [create.name]
        case .policy(let policy): return [policy.table]
        case .createTrigger(let trigger): return [trigger.table]
        case .truncate(let tables, _), .lockTable(let tables, _), .vacuum(let tables, _, _): return tables
        case .comment(_, let relation): return relation.map { [$0] }
        case .set: return []
        default: return nil
        }
    }

    /// drizzle-kit's parent of the first snapshot.
    static func isRoot(_ id: String) -> Bool { id == "00000000-0000-0000-0000-000000000000" }
}

private extension TableConstraint {
    var referencedTable: QualifiedName? {
        if case .foreignKey(let key) = kind { key.referencedTable } else { nil }
    }
}
