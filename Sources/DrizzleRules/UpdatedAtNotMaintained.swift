import Catalog
import Core
import Drizzle
import ProjectModel
import Queries

/// `schema/updated-at-not-maintained`: `.defaultNow()` only fills `updated_at` on insert; without `$onUpdate`, a
/// database trigger, app code that sets it, or a library that does, it keeps the creation time forever.
public struct UpdatedAtNotMaintained: ProjectRule {
    public let id = "schema/updated-at-not-maintained"
    public let facets: Facets = [.catalog, .migrations, .drizzleExtras]
    public init() {}

    /// Column names (as word lists) that promise the time of the last change.
    static let names: Set<[String]> = [["updated", "at"], ["modified", "at"], ["last", "modified", "at"], ["updated", "on"]]

    /// How code that writes the column names it: Prisma Client by model and field, raw SQL by table and column (a
    /// Drizzle table's also by its schema: `UPDATE auth.sessions` does not write `public.sessions`).
    static func written(_ table: DeclaredTable, _ column: DeclaredColumn) -> PrismaColumn {
        PrismaColumn(model: table.variableName ?? table.name, field: column.key ?? column.name, table: table.name, column: column.name,
                     schema: table.isPrisma ? nil : (table.schema.isEmpty ? "public" : table.schema))
    }

    static func names(_ table: DeclaredTable) -> UpdatedTableNames {
        UpdatedTableNames(binding: table.variableName, table: table.name)
    }

    public func check(_ project: Project, _ context: RuleContext) {
        let maintainedElsewhere = Set(context.options.strings("maintainedTables"))
        var candidates: [(DeclaredTable, DeclaredColumn)] = []
        for table in project.drizzleTables where !maintainedElsewhere.contains(table.name) {
            var authLibrary: Bool?
            for column in table.columns
            where !column.hasOnUpdate && column.generated == nil && (column.nameEnds(withLetters: "at") || column.nameEnds(withLetters: "on"))
                && column.nameWords.contains(where: Self.names.contains)
                && !project.migrationEffects.triggerMaintains(column.name, ofTable: table.key)
                // A Prisma field without a default holds only what the code or a library writes: nullable, it is
                // empty until something sets it (SAML Jackson's `jackson_store.modifiedAt`); required, every create
                // passes a value, often the one its source reports ("from processor"), which the update search
                // cannot follow through a function's result. Only a default makes "keeps its insert time" certain.
                && !(table.isPrisma && column.default == nil) {
                if authLibrary == nil { authLibrary = AuthLibraryTables.maintainsUpdatedAt(table) }
                if authLibrary == false { candidates.append((table, column)) }
            }
        }
        guard !candidates.isEmpty else { return }
        // Only now search the application code, and only files that spell one of these columns.
        // (Drizzle's `.update(table)` names Drizzle tables only: Prisma models are searched for below.)
        let updates = project.tableUpdates.updates(naming: Set(candidates.filter { !$0.0.isPrisma }.map { $0.1.key ?? $0.1.name }))
        // Prisma models are written through Prisma Client (`prisma.passkey.update({ data: { updatedAt } })`) or raw SQL.
        let prismaColumns = candidates.filter { $0.0.isPrisma }.map(Self.written)
        // Raw SQL writes Drizzle tables too: an auth adapter's `UPDATE auth.users SET … updated_at = $3` in a query
        // string. Searched for the columns no `.update().set()` sets, with the Prisma ones in one pass.
        let unset = candidates.filter { table, column in !table.isPrisma && !updates.sets(column.name, ofTable: table.key) }
        // A Drizzle table that neither the code nor an auth library updates keeps a right `updated_at` by never
        // changing (sim's `waitlist`, rows only inserted; a schema-only package shows no code at all): asked in the
        // same pass over the files.
        let (prismaWritten, updatedTables) = project.tableUpdates.writes(
            prismaColumns + unset.map(Self.written), mayUpdate: Array(Set(unset.map { table, _ in Self.names(table) })))
        var reporter = LocatedReporter(context)
        for (table, column) in candidates where !updates.sets(column.name, ofTable: table.key) {
            guard !table.isPrisma else {
                guard !prismaWritten.contains(Self.written(table, column))
                else { continue }
                reporter.report(
                    at: column.location,
                    message: "column \(column.displayName) of `\(table.name)` keeps its insert time: it has no `@updatedAt`, no migration trigger sets it, and no Prisma Client update or raw SQL `UPDATE` in the code does",
                    help: "add `@updatedAt` to the field (Prisma Client then sets it on every update), or list the table in `maintainedTables` if something else sets it")
                continue
            }
            guard !prismaWritten.contains(Self.written(table, column)),
                  updatedTables.contains(Self.names(table)) || AuthLibraryTables.isUpdatedByLibrary(table)
            else { continue }
            reporter.report(
                at: column.location,
                message: "column \(column.displayName) of `\(table.name)` keeps its insert time: it has no `$onUpdate`, no migration trigger sets it, and no `.update(\(table.variableName ?? table.name)).set({ \(column.key ?? column.name) })` in the code does",
                help: "add `.$onUpdate(() => new Date())` to the column, or list the table in `maintainedTables` if something outside this repository sets it",
                fixes: [ColumnFixes.onUpdate(column)].compactMap { $0 })
        }
    }
}
