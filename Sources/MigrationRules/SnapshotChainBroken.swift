import Core
import DrizzleKit
import Migrations
import ProjectModel

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
                    context.report(path: snapshot.path, range: parent.range,
                                   message: "snapshot `\(snapshot.path)` has the same parent as `\(first.path)`: the two migrations were generated on different branches",
                                   help: "delete the later migration and run `drizzle-kit generate` again on top of the other")
                } else if seenParents[parent.value] == nil {
                    seenParents[parent.value] = snapshot
                }
            }
        }

        reportCycles(ordered.filter { $0.error == nil }, context)

        var previous: SnapshotHeader?
        for snapshot in ordered {
            defer { previous = snapshot.error == nil ? snapshot : nil }
            guard snapshot.error == nil, let before = previous, let beforeID = before.id?.value,
                  !sharingParent.contains(snapshot.path), !snapshot.prevIds.contains(where: { $0.value == beforeID }) else { continue }
            let range = snapshot.prevIds.first?.range ?? snapshot.idRange
            let written = snapshot.prevIds.first.map { "`\($0.value)`" } ?? "missing"
            context.report(path: snapshot.path, range: range,
                           message: "the parent of `\(snapshot.path)` is \(written) but the snapshot before it, `\(before.path)`, has `id` `\(beforeID)`",
                           help: "regenerate this migration with `drizzle-kit generate` on top of `\(before.path)`")
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

    /// drizzle-kit's parent of the first snapshot.
    static func isRoot(_ id: String) -> Bool { id == "00000000-0000-0000-0000-000000000000" }
}
