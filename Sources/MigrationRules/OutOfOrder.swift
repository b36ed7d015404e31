import Catalog
import Core
import DrizzleKit
import Migrations
import ProjectModel
import SQL

/// `migration/out-of-order`: journal entries not numbered 0…n-1, `when` not increasing (drizzle's migrator
/// silently skips such a migration on databases that ran the one before), duplicated or wrong number prefixes.
/// One finding per cause: a single removed entry or a single step back in time is one finding, not one per later entry.
public struct OutOfOrder: ProjectRule {
    public let id = "migration/out-of-order"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations {
            if let journal = folder.journal { checkJournal(journal, context) }
            checkDuplicateNumbers(folder, runner: project.configuration.migrationRunner, context)
            if folder.layout == .supabase { checkSupabaseNames(folder, context) }
        }
    }

    private func checkJournal(_ journal: Journal, _ context: RuleContext) {
        checkNumbering(journal.entries, journal.path, context)
        checkWhen(journal.entries, journal.path, context)
    }

    /// `idx` counts 0, 1, 2, … and drizzle-kit names each migration after its `idx` (`0003_…`). One finding per
    /// cause, at the entry where it happens: a gap (an entry removed), a jump back, or one entry's wrong `idx`;
    /// the entries after a gap or jump are compared with their own predecessor, not reported again.
    private func checkNumbering(_ entries: [JournalEntry], _ path: String, _ context: RuleContext) {
        var expected = 0
        var previousOffset = 0
        var seen: Set<String> = []
        var seenPrefixes: Set<Int> = []
        for (position, entry) in entries.enumerated() {
            let tag = entry.tag?.value ?? "#\(position)"
            guard seen.insert(tag).inserted else {
                context.report(
                    path: path, range: entry.tagRange,
                    message: "journal entry `\(tag)` is listed twice: on a fresh database drizzle's migrator runs its SQL twice, and the second run fails on what the first created",
                    help: "remove the repeated entry")
                continue
            }
            let prefix = MigrationName.number(of: tag).flatMap { $0.count < 8 ? Int($0) : nil }
            var idx = expected
            if let written = entry.idx, written.value != expected {
                let place = expected == 0 ? "is the first entry" : "follows `idx` \(expected - 1)"
                if entries.dropFirst(position + 1).first?.idx?.value == expected + 1 {
                    // The next entry continues where this one should have: only this `idx` is wrong.
                    context.report(
                        path: path, range: written.range,
                        message: "journal entry `\(tag)` has `idx` \(written.value) but \(place): entries are numbered 0…n-1 in order",
                        help: "set `idx` to \(expected)")
                } else if written.value > expected {
                    idx = written.value
                    let missing = written.value - expected == 1 ? "`idx` \(expected) is" : "`idx` \(expected)…\(written.value - 1) are"
                    context.report(
                        path: path, range: written.range,
                        message: "journal entry `\(tag)` has `idx` \(written.value) but \(place): \(missing) missing, so a migration was removed from the journal; databases that ran it keep its changes, fresh ones never get them",
                        help: "restore the removed migration (journal entry, SQL file and snapshot) from version control if any database ran it")
                } else {
                    idx = written.value
                    let why = written.value == expected - 1
                        ? "two migrations have the same number, as when two branches each generated one"
                        : "the journal lists migrations out of order"
                    context.report(
                        path: path, range: written.range,
                        message: "journal entry `\(tag)` has `idx` \(written.value) but \(place): \(why)",
                        help: "regenerate the later migration on top of the others with `drizzle-kit generate`, so that `idx` counts 0…n-1")
                }
            } else if let written = entry.idx {
                idx = written.value
            }
            expected = idx + 1
            // Sequential prefixes (`0003_`) follow `idx`; timestamp prefixes (`20250101…`) do not. A prefix that is off
            // by the same amount as the entry before it is the same renaming, already reported there; one that an
            // earlier entry has too is two branches' migrations, reported at the SQL file (`checkDuplicateNumbers`).
            guard let prefix else { continue }
            let offset = prefix - idx
            let repeated = !seenPrefixes.insert(prefix).inserted
            defer { previousOffset = offset }
            guard offset != 0, offset != previousOffset, !repeated else { continue }
            context.report(
                path: path, range: entry.tagRange,
                message: "journal entry `\(tag)` is numbered \(prefix) but has `idx` \(idx): drizzle-kit numbers a migration and its snapshot by `idx`, so this one was renamed or moved by hand",
                help: "give the SQL file, the `tag` and the snapshot the number \(idx), or restore the entry's original position")
        }
    }

    /// drizzle's migrator runs an entry only if its `when` is above the newest `when` a database has run. Reported
    /// once where `when` goes back below the entry before it; the entries right after it that are still not later
    /// than that newest one are skipped for the same reason and are named in the same finding.
    private func checkWhen(_ entries: [JournalEntry], _ path: String, _ context: RuleContext) {
        struct Run {
            var entry: JournalEntry
            var tag: String
            var newest: (when: Int, tag: String)
            var followers: [String] = []
        }
        var newest: (when: Int, tag: String)?
        var previousWhen: Int?
        var previousSkipped = false
        var runs: [Run] = []
        var seen: Set<String> = []
        for entry in entries {
            let tag = entry.tag?.value ?? "#\(entry.position)"
            // A repeated entry is reported as such by `checkNumbering`.
            guard seen.insert(tag).inserted, let when = entry.when?.value else { continue }
            let skipped = newest.map { when <= $0.when } ?? false
            if let newest, skipped {
                if previousSkipped, let previousWhen, when >= previousWhen, !runs.isEmpty {
                    runs[runs.count - 1].followers.append(tag)
                } else {
                    runs.append(Run(entry: entry, tag: tag, newest: newest))
                }
            } else {
                newest = (when, tag)
            }
            previousWhen = when
            previousSkipped = skipped
        }
        for run in runs {
            guard let when = run.entry.when else { continue }
            let also = switch run.followers.count {
            case 0: ""
            case 1: ", and `\(run.followers[0])` after it for the same reason"
            default: ", and the \(run.followers.count) entries after it up to `\(run.followers[run.followers.count - 1])` for the same reason"
            }
            context.report(
                path: path, range: when.range,
                message: "`when` of `\(run.tag)` (\(when.value)) is not later than that of `\(run.newest.tag)` (\(run.newest.when)): drizzle's migrator silently skips `\(run.tag)` on databases that already ran `\(run.newest.tag)`\(also)",
                help: run.followers.isEmpty
                    ? "set `when` of `\(run.tag)` above \(run.newest.when)"
                    : "set `when` of `\(run.tag)` above \(run.newest.when), and of the entries after it so that `when` keeps increasing")
        }
    }

    /// Two SQL files (or two snapshots) with the same number: migrations created on two branches.
    /// The Supabase CLI applies `<timestamp>_<name>.sql` only and skips any other SQL file of the folder.
    private func checkSupabaseNames(_ folder: MigrationFolder, _ context: RuleContext) {
        for script in folder.scripts where !SupabaseMigrationName.isValid(script.name) {
            context.report(
                path: script.path, range: script.headlineRange,
                message: "`\(script.name).sql` is not named `<timestamp>_<name>.sql`: the Supabase CLI skips it, so no database runs it",
                help: "create migrations with `supabase migration new <name>`, or rename the file with a timestamp prefix")
        }
    }

    /// Folders of one timestamp whose names differ only in a number of one width at the end (`_rework_1`,
    /// `_rework_2`): their author numbered them in the order they are to run, and Prisma's order by name is that
    /// order on every database, however they were merged (a later one gets a higher number).
    static func isNumberedSequence(_ names: [String]) -> Bool {
        let split = names.map { name in
            let number = name.reversed().prefix { $0.isASCII && $0.isNumber }
            return (stem: name.dropLast(number.count), width: number.count)
        }
        guard let first = split.first, first.width > 0 else { return false }
        return split.allSatisfy { $0.stem == first.stem && $0.width == first.width }
    }

    private func checkDuplicateNumbers(_ folder: MigrationFolder, runner: MigrationRunnerSetting?, _ context: RuleContext) {
        let listed = Set(folder.journal?.entries.compactMap { $0.tag?.value } ?? [])
        let byNumber = Dictionary(grouping: folder.scripts.filter { $0.number != nil }) { Int($0.number ?? "") ?? -1 }
        for (_, scripts) in byNumber where scripts.count > 1 {
            let sorted = scripts.sorted { $0.path < $1.path }
            // The journaled file is the real one; without one, the first by name.
            let kept = sorted.first { listed.contains($0.name) } ?? sorted[0]
            if folder.layout == .prisma {
                // Prisma records each folder by its whole name, so both run, in either order: that matters only
                // when they touch the same table, type or index. What a statement touches that is not read (a
                // view's query, a `CREATE TABLE … AS`) makes no finding. One finding per shared timestamp.
                guard !Self.isNumberedSequence(sorted.map(\.name)),
                      MigrationObjects.mayDependOnEachOther(sorted.map(\.sql)) else { continue }
                let second = sorted[1]
                let others = sorted.count > 2 ? " (and \(sorted.count - 2) more)" : ""
                context.report(
                    path: second.path, range: second.headlineRange,
                    message: "`\(second.name)`\(others) has the same timestamp as `\(kept.name)`: Prisma Migrate orders them by the rest of their names, not by when they were written, so databases that applied them as they were merged may have run them in another order",
                    help: "give a new migration a timestamp after the latest one (`prisma migrate dev --create-only` writes one); a folder databases already applied keeps its name, Prisma recorded it")
                continue
            }
            for script in sorted where script.path != kept.path {
                // A file drizzle's migrator never runs is `migration/journal-mismatch`'s finding (what to do about
                // it is to get it into the journal); its number matters only to whatever else applies the folder.
                if folder.layout == .journal, folder.journal != nil, !listed.contains(script.name),
                   runner == nil || runner == .drizzleKit { continue }
                let supabase = folder.layout == .supabase
                context.report(
                    path: script.path, range: script.headlineRange,
                    message: "`\(script.name)` has the same \(supabase ? "timestamp" : "number") as `\(kept.name)`: two migrations were created on different branches"
                        + (supabase ? ", and the Supabase CLI records a version once, so one of them fails on databases that ran the other" : ""),
                    help: supabase ? "rename it with a new timestamp (`supabase migration new` writes one), after the latest migration"
                        : "regenerate it after the latest migration with `drizzle-kit generate`, so it gets the next number")
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

/// What a migration's statements create, change, fill, reference or drop (tables, types, indexes, other objects by
/// name), to tell whether two migrations that may run in either order depend on each other. Names are compared
/// without their schema and case. Statements whose objects are not read (a view's query, `CREATE TABLE … AS`,
/// code in a `DO` block that was not parsed) add nothing: an unknown is no evidence of a dependency.
struct MigrationObjects {
    /// What the migration creates, changes, fills or drops.
    private(set) var names: Set<String> = []
    /// Of those, what it creates, drops or renames (and enums whose values it adds): what another migration that
    /// uses it needs to run after it.
    private(set) var existence: Set<String> = []
    /// What it only uses: the types of its columns, the tables its foreign keys refer to. Two migrations that
    /// both use `text` or refer to `User`, or one that refers to `User` while the other adds a column to it, do not
    /// depend on each other.
    private(set) var used: Set<String> = []

    init(_ sql: SQLFile) {
        for statement in sql.allStatements { add(statement) }
    }

    /// Whether one of the migrations creates, changes or drops what another touches.
    static func mayDependOnEachOther(_ files: [SQLFile]) -> Bool {
        let objects = files.map(MigrationObjects.init)
        for (position, first) in objects.enumerated() {
            for second in objects[(position + 1)...]
            where !first.names.isDisjoint(with: second.names) || !first.existence.isDisjoint(with: second.used)
                || !first.used.isDisjoint(with: second.existence) {
                return true
            }
        }
        return false
    }

    private static func key(_ kind: String, _ name: String) -> String {
        var bare = name.lowercased()
        while bare.hasSuffix("[]") { bare.removeLast(2) }
        if let dot = bare.lastIndex(of: ".") { bare = String(bare[bare.index(after: dot)...]) }
        bare.removeAll { $0 == "\"" }
        return kind + ":" + bare
    }

    private mutating func insert(_ kind: String, _ name: String) { names.insert(Self.key(kind, name)) }

    private mutating func table(_ name: QualifiedName) { insert("table", name.name) }

    /// An object the migration creates, drops or renames.
    private mutating func exists(_ kind: String, _ name: String) {
        insert(kind, name)
        existence.insert(Self.key(kind, name))
    }

    private mutating func column(_ column: ColumnDefinition) {
        used.insert(Self.key("type", column.typeName))
        if let reference = column.references { used.insert(Self.key("table", reference.referencedTable.name)) }
    }

    private mutating func constraint(_ constraint: TableConstraint) {
        if case .foreignKey(let reference) = constraint.kind { used.insert(Self.key("table", reference.referencedTable.name)) }
    }

    private mutating func add(_ statement: SQLStatement) {
        switch statement.kind {
        case .createTable(let create):
            exists("table", create.name.name)
            create.columns.forEach { column($0) }
            create.constraints.forEach { constraint($0) }
        case .alterTable(let alter):
            table(alter.table)
            for action in alter.actions {
                switch action.kind {
                case .addColumn(let definition, _): column(definition)
                case .alterColumnType(let change): used.insert(Self.key("type", change.typeName))
                case .addConstraint(let added): constraint(added)
                case .attachPartition(let partition), .detachPartition(let partition, _): table(partition)
                default: break
                }
            }
        case .createIndex(let index):
            table(index.table)
            if let name = index.name { insert("index", name) }
        case .dropIndex(let drop):
            drop.names.forEach { insert("index", $0.name) }
        case .dropTable(let drop):
            drop.names.forEach { exists("table", $0.name) }
        case .drop(let drop):
            let kind = drop.objectKind == .type ? "type" : drop.objectKind == .view || drop.objectKind == .materializedView ? "table" : "object"
            drop.names.forEach { exists(kind, $0.name) }
            if let relation = drop.relation { table(relation) }
        case .rename(let rename):
            if let renamed = rename.table { exists("table", renamed.name) }
            exists("table", rename.to)
            exists("type", rename.to)
            if let from = rename.from { exists("object", from) }
        case .createEnum(let type):
            exists("type", type.name.name)
        case .alterEnum(let type):
            exists("type", type.name.name)
        case .update(let change), .delete(let change), .insert(let change):
            table(change.table)
        case .create(let object):
            exists(object.objectKind == .view || object.objectKind == .materializedView ? "table" : "object", object.name.name)
        case .policy(let policy):
            table(policy.table)
        case .alterFunction(let function):
            insert("object", function.name.name)
        case .createTrigger(let trigger):
            table(trigger.table)
        case .grant(let grant):
            if case .tables(let tables) = grant.target { tables.forEach { table($0) } }
        case .truncate(let tables, _), .lockTable(let tables, _), .vacuum(let tables, _, _):
            tables.forEach { table($0) }
        case .comment(_, let relation):
            if let relation { table(relation) }
        default:
            break
        }
    }
}
