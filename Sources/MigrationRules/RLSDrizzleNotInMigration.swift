import Core
import Drizzle
import Migrations
import SQLReplay
import ProjectModel

/// `rls/drizzle-rls-not-in-migration`: row-level security (`.enableRLS()`, `pgTable.withRLS`, or any policy) or a
/// policy the Drizzle schema declares on a table the migrations create, that no migration creates: databases built
/// from the migrations do not have it. drizzle-kit writes policies and `ENABLE ROW LEVEL SECURITY` into generated
/// migrations since 0.27 (drizzle-orm 0.36); an older drizzle-kit ignores them, and `drizzle-kit push` applies them
/// to one database without writing a migration.
///
/// What `schema/migration-drift` already reports (the latest snapshot does not have it either: the migration was
/// never generated) is left to it. A table the migrations do not create, or whose state an unreadable statement
/// left unknown, gets no verdict.
public struct RLSDrizzleNotInMigration: ProjectRule {
    public let id = "rls/drizzle-rls-not-in-migration"
    public let facets: Facets = [.migrations, .catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations {
            let security = folder.replay.final
            for (schema, snapshot) in RowSecurityProjects.drizzleSchemas(of: folder, in: project) {
                let unreadable = schema.diagnostics.map(\.location)
                for table in schema.model.tables {
                    guard let replayed = security.definedTable(table.qualifiedName), !replayed.hasUnreadableChanges else { continue }
                    let recorded = snapshot?.table(schema: table.schema, named: table.name)
                    if table.hasRowSecurity, !replayed.isRLSEnabled, recorded.map({ $0.isRLSEnabled == table.isRLSEnabled }) ?? true {
                        let how = table.isRLSEnabled ? "enables row-level security" : "has policies, which enable row-level security"
                        context.report(
                            path: table.nameLocation.path, range: table.nameLocation.range,
                            message: "table `\(table.name)` \(how) in the Drizzle schema, but no migration in `\(folder.path)` enables it: databases built from the migrations leave it off\(Self.why)",
                            help: help(folder, statement: "ALTER TABLE \(table.qualifiedName) ENABLE ROW LEVEL SECURITY;"))
                    }
                    let created = Set(replayed.policies.map(\.name.postgresName))
                    for policy in table.policies where !created.contains(policy.name.postgresName) {
                        if let recorded, !recorded.policies.contains(where: { $0.name == policy.name }) { continue }
                        if unreadable.contains(where: { $0.overlaps(policy.location) }) { continue }
                        context.report(
                            path: policy.location.path, range: policy.location.range,
                            message: "policy `\(policy.name)` on `\(table.name)` is declared in the Drizzle schema, but no migration in `\(folder.path)` creates it: databases built from the migrations do not have it\(Self.why)",
                            help: help(folder, statement: "CREATE POLICY …"))
                    }
                }
            }
        }
    }

    private static let why = " (drizzle-kit writes RLS into migrations only since 0.27, and `drizzle-kit push` changes a database without writing one)"

    private func help(_ folder: MigrationFolder, statement: String) -> String {
        folder.layout == .supabase
            ? "add a migration with `supabase migration new` that runs `\(statement)`, as drizzle-kit 0.27 or later would generate it"
            : "generate the migration with drizzle-kit 0.27 or later (`drizzle-kit generate`), or write it with `drizzle-kit generate --custom`: `\(statement)`"
    }
}
