import Catalog
import Core
import Drizzle
import DrizzleKit
import Migrations
import ProjectModel
import SQLReplay

/// `schema/migration-drift`: the Drizzle schema differs from the latest migration snapshot (by journal order),
/// so a migration was not generated for a change and databases do not have it.
public struct SchemaDrift: ProjectRule {
    public let id = "schema/migration-drift"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations where folder.layout == .prisma {
            guard let schema = project.prismaSchema(of: folder), let prisma = schema.prisma else { continue }
            for difference in PrismaMigrationDrift(schema: schema, prisma: prisma, folder: folder).differences() {
                if difference.change == .added, difference.element == .foreignKey, let table = difference.table,
                   project.migrationEffects.dropsForeignKey(difference.name, onTable: table, inFolder: folder.path) {
                    reportDroppedKey(difference, schema: schema, folder: folder, context)
                    continue
                }
                reportPrisma(difference, schema: schema, folder: folder, context)
            }
        }
        for folder in project.migrations where folder.latestSnapshot != nil {
            let unlisted = UnlistedSchemaChanges(folder)
            // With an unreadable `casing` or schema, names are guesses: `drizzle/parse-error` says so, drift stays quiet.
            for (schema, snapshot) in project.drizzleSchemas(of: folder) where schema.isComparable {
                guard let recorded = snapshot else { continue }
                // An `export *` that resolves to no file may hold the tables a snapshot has, and a syntax error may
                // have cost the statement it is in (or the rest of the file): what is missing is not "removed".
                let isPartial = schema.diagnostics.contains { $0.kind == .unresolvedImport || $0.kind == .syntax }
                if schema.config == nil, !schema.isCasingGiven, Self.suggestsUnseenCasing(schema.tables, recorded) { continue }
                let unreadable = schema.diagnostics.map(\.location) + schema.brokenStatements
                for difference in DrizzleKitDiff.compare(schema.model, recorded) {
                    // A value the reader could not work out is `drizzle/parse-error`'s finding, not drift.
                    if let location = difference.leftLocation, unreadable.contains(where: { $0.overlaps(location) }) { continue }
                    if isPartial, difference.change == .removed { continue }
                    if unlisted.touches(difference) { continue }
                    if let made = Self.madeBySQL(difference, in: folder) {
                        reportMadeBySQL(difference, at: made, context)
                        continue
                    }
                    report(difference, context)
                }
            }
        }
    }

    /// Without a drizzle config (one that is there but not found, e.g. named only by `--config` in a script), the
    /// `casing` drizzle-kit used is unknown. Columns named by their property key (`userId: text()`) then have
    /// guessed names; when the snapshot has the key's snake_case or camelCase form where the key itself is
    /// missing, the guess is wrong and every such column would be drift, so none is reported.
    static func suggestsUnseenCasing(_ source: [DeclaredTable], _ snapshot: SchemaModel) -> Bool {
        for table in source {
            guard let recorded = snapshot.table(schema: table.schema, named: table.name) else { continue }
            for column in table.columns where column.key == column.name {
                guard let key = column.key, recorded.column(named: key) == nil else { continue }
                for casing in [Casing.snakeCase, .camelCase] where casing.convert(key) != key {
                    if recorded.column(named: casing.convert(key)) != nil { return true }
                }
            }
        }
        return false
    }

    /// drizzle-kit drift: the schema against the latest snapshot.
    private func report(_ difference: CatalogDifference, _ context: RuleContext) {
        let help = "run `drizzle-kit generate` to write the migration for this change"
        Self.report(difference, context, Wording(
            added: "is declared in \(difference.leftLocation?.path ?? "the schema") but not in the latest migration snapshot: no migration creates it",
            removedAt: difference.rightLocation,
            removed: "is in the latest migration snapshot but no longer in the Drizzle schema: no migration removes it",
            changedAt: difference.leftLocation ?? difference.rightLocation, compared: "in the latest migration snapshot",
            help: help, removedHelp: help))
    }

    /// Where the folder's SQL made a table or column the latest snapshot lacks (its `CREATE TABLE`, its
    /// `ADD COLUMN`): a hand-written migration, which drizzle-kit records in no snapshot. Nil for other elements and
    /// when the SQL does not make it either.
    static func madeBySQL(_ difference: CatalogDifference, in folder: MigrationFolder) -> SourceLocation? {
        guard difference.change == .added else { return nil }
        // By snapshot key, as differences name tables (drift findings are few: a scan per finding).
        let defined = folder.replay.final.definedTables
        func table(_ key: String) -> Table? { defined.first { $0.key == key } }
        let location: SourceLocation?
        switch difference.element {
        case .table: location = table(difference.name)?.location
        case .column: location = difference.table.flatMap(table)?.column(named: difference.name)?.location
        default: location = nil
        }
        return location.flatMap { $0.path.isEmpty ? nil : $0 }
    }

    /// drizzle-kit drift that the folder's SQL already made in the database (a hand-written migration, which drizzle-kit
    /// records in no snapshot, or a latest snapshot generated on a branch without it): the snapshot is what is behind,
    /// and `drizzle-kit generate` alone would write the change a second time (failing where it already ran).
    private func reportMadeBySQL(_ difference: CatalogDifference, at made: SourceLocation, _ context: RuleContext) {
        guard let location = difference.leftLocation else { return }
        context.report(
            path: location.path, range: location.range,
            message: "\(Self.subject(difference)) is declared in \(location.path) and created by \(made.path), but the latest migration snapshot does not have it: the next `drizzle-kit generate` compares with that snapshot and writes it again",
            help: "run `drizzle-kit generate` to bring the snapshot up to date, then delete from the new migration the statements that make this again (\(made.path) already does) or write them with `IF NOT EXISTS`; keep the new snapshot")
    }

    /// Prisma drift is located in the schema: at the element, else at its model; a table only the migrations
    /// create is located at the statement that creates it.
    private func reportPrisma(_ difference: CatalogDifference, schema: DrizzleSchema, folder: MigrationFolder, _ context: RuleContext) {
        let schemaName = Self.prismaSchemaName(schema)
        let model = difference.table.flatMap { key in schema.model.tables.first { $0.key == key } }
        let origin = difference.rightLocation.map { " (\($0.path))" } ?? ""
        Self.report(difference, context, Wording(
            added: "is declared in \(difference.leftLocation?.path ?? schemaName) but no migration in \(folder.path)/ creates it",
            removedAt: model?.nameLocation ?? difference.rightLocation,
            removed: "is created by the migrations\(origin) but is not in \(schemaName): the next `prisma migrate dev` would drop it",
            changedAt: difference.leftLocation ?? model?.nameLocation, compared: "after the migrations",
            help: "run `prisma migrate dev --create-only` to write the migration for this change, and review it before applying",
            removedHelp: "declare it in \(schemaName) if the database should keep it, or run `prisma migrate dev --create-only` to write the migration that removes it"))
    }

    /// The Prisma schema as messages name it: its file, or "the Prisma schema" when it is split over several.
    private static func prismaSchemaName(_ schema: DrizzleSchema) -> String {
        schema.files.count == 1 ? schema.files[0] : "the Prisma schema"
    }

    /// A foreign key the schema's relation implies but a migration dropped (`DROP CONSTRAINT …_fkey`) and none made
    /// again: a team removes a hot table's keys on purpose and keeps the relation for Prisma Client. The difference
    /// is real (the next `prisma migrate dev` writes the key back), but "no migration creates it" misread the cause.
    private func reportDroppedKey(_ difference: CatalogDifference, schema: DrizzleSchema, folder: MigrationFolder, _ context: RuleContext) {
        guard let location = difference.leftLocation else { return }
        let schemaName = Self.prismaSchemaName(schema)
        context.report(
            path: location.path, range: location.range,
            message: "\(Self.subject(difference)) is implied by a relation in \(location.path), but a migration in \(folder.path)/ drops it and none creates it again: the database has no such key, and the next `prisma migrate dev` would add it back",
            help: "if the key was dropped on purpose, keep the relation without database keys (`relationMode = \"prisma\"` in \(schemaName)'s datasource, which then manages no foreign keys at all) or add this finding to the baseline; otherwise run `prisma migrate dev --create-only` to write the migration that restores it")
    }

    /// What a drift finding says, per ORM, and where the elements only one side has are reported.
    struct Wording {
        var added: String
        var removedAt: SourceLocation?
        var removed: String
        var changedAt: SourceLocation?
        /// The other side, after the contrast (`is nullable in schema.ts but NOT NULL` + this).
        var compared: String
        var help: String
        var removedHelp: String
    }

    private static func report(_ difference: CatalogDifference, _ context: RuleContext, _ wording: Wording) {
        let subject = subject(difference)
        switch difference.change {
        case .added:
            guard let location = difference.leftLocation else { return }
            context.report(path: location.path, range: location.range, message: "\(subject) \(wording.added)", help: wording.help)
        case .removed:
            guard let location = wording.removedAt else { return }
            context.report(path: location.path, range: location.range, message: "\(subject) \(wording.removed)", help: wording.removedHelp)
        case .changed:
            guard let location = wording.changedAt else { return }
            context.report(path: location.path, range: location.range,
                           message: "\(subject) \(contrast(difference, schemaPath: location.path)) \(wording.compared)", help: wording.help)
        }
    }

    /// ``column `plan_id` of `subscriptions` ``, ``table `files` ``.
    static func subject(_ difference: CatalogDifference) -> String {
        let name = difference.element == .table ? displayName(difference.name) : difference.name
        let owner = difference.table.map { " of `\(displayName($0))`" } ?? ""
        return "\(difference.element.rawValue) `\(name)`\(owner)"
    }

    /// `is nullable in src/db/schema.ts but NOT NULL`, `has type `text` in … but `varchar(255)``.
    static func contrast(_ difference: CatalogDifference, schemaPath: String) -> String {
        let source = difference.leftValue ?? "none", snapshot = difference.rightValue ?? "none"
        switch difference.property {
        case "notNull":
            let describe = { (value: String) in value == "true" ? "NOT NULL" : "nullable" }
            return "is \(describe(source)) in \(schemaPath) but \(describe(snapshot))"
        case "primaryKey":
            let describe = { (value: String) in value == "true" ? "the primary key" : "not the primary key" }
            return "is \(describe(source)) in \(schemaPath) but \(describe(snapshot))"
        default:
            return "has \(difference.property ?? "a value") `\(source)` in \(schemaPath) but `\(snapshot)`"
        }
    }

    /// Snapshot keys name the public schema (`public.users`); messages do not.
    static func displayName(_ key: String) -> String {
        key.hasPrefix("public.") ? String(key.dropFirst("public.".count)) : key
    }
}
