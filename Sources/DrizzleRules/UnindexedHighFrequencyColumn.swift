import Catalog
import Core
import Drizzle
import ProjectModel
import Queries

/// `schema/unindexed-high-frequency-column`: tables that take a write per event (usage, logs, metrics, audit)
/// grow fastest, so a lookup or time-range scan without an index gets slower every day.
public struct UnindexedHighFrequencyColumn: ProjectRule {
    public let id = "schema/unindexed-high-frequency-column"
    public let facets: Facets = [.catalog, .migrations, .queries, .configuration]
    public init() {}

    /// Timestamps that record maintenance, not the event: not what time-range queries filter on.
    static let maintenanceTimes: Set<[String]> = [["updated", "at"], ["deleted", "at"], ["modified", "at"]]

    public func check(_ project: Project, _ context: RuleContext) {
        let highFrequency = HighFrequencyTables(project.configuration)
        var reporter = LocatedReporter(context)
        let usesByColumn = Dictionary(grouping: project.queryUsage.uses) { ColumnKey(table: $0.tableKey, column: $0.column) }
        for table in project.drizzleTables where highFrequency.contains(table) {
            let coverage = IndexCoverage(table, migrations: project.migrationEffects)
            let reasons = self.reasons(table, coverage: coverage, uses: usesByColumn)
            for column in table.columns {
                guard let why = reasons[column.name] else { continue }
                reporter.report(
                    at: column.location,
                    message: "column \(column.displayName) of high-frequency table `\(table.name)` is \(why) but no index leads with it, so lookups scan a fast-growing table",
                    help: table.help(
                        drizzle: "add `index('\(table.name)_\(column.name)_idx').on(t.\(column.key ?? column.name))` (or a composite index that starts with it)",
                        prisma: "add `@@index([\(column.key ?? column.name)])` to the model (or a composite index that starts with it)"))
            }
        }
    }

    /// Why each unindexed column needs an index, by SQL name.
    struct ColumnKey: Hashable {
        var table: String
        var column: String
    }

    func reasons(_ table: DeclaredTable, coverage: IndexCoverage, uses usesByColumn: [ColumnKey: [ColumnUse]]) -> [String: String] {
        var reasons: [String: String] = [:]
        let scoped = IndexCoverage.scopedColumns(table)
        for column in table.columns where !coverage.leads(with: column.name) {
            let uses = usesByColumn[ColumnKey(table: table.key, column: column.name)] ?? []
            if let first = uses.first {
                let verb = uses.contains { $0.kind == .filter } ? "filtered" : "sorted"
                let places = uses.count == 1 ? "" : " (\(uses.count) places)"
                reasons[column.name] = "\(verb) on in `\(first.location.path)`\(places)"
            } else if let key = table.foreignKeys.first(where: { $0.columnsFrom.first == column.name }) {
                // A key over several columns is looked up by all of them: an index on them in another order serves it.
                if !coverage.covers(key.columnsFrom) { reasons[column.name] = "a foreign key to `\(key.tableTo)`" }
            } else if column.nameEnds(with: ["status", "state"]), !scoped.contains(column.name) {
                reasons[column.name] = "a status that queries filter on"
            }
        }
        // One event time is enough: report the first when no timestamp of the table is indexed. A row gets its event
        // time when it is written, so a nullable timestamp without a default (`published_at`, `completed_at`, set
        // later) is passed over while a timestamp every row has is there.
        let times = table.columns.filter { $0.isTimestamp }
        let candidates = times.filter { !$0.nameWords.contains(where: Self.maintenanceTimes.contains) }
        if !times.contains(where: { coverage.leads(with: $0.name) || scoped.contains($0.name) }),
           let eventTime = candidates.first(where: { $0.notNull || $0.default != nil }) ?? candidates.first,
           reasons[eventTime.name] == nil {
            reasons[eventTime.name] = "the event time that time-range queries filter on"
        }
        return reasons
    }
}
