import Catalog
import Drizzle
import Migrations
import ProjectModel
import SQL
import SQLReplay
import Synchronization

/// Row-level security as the `rls/` rules judge it, one entry per Supabase project: the state after the last
/// migration (the folder's replayed catalog), with what the Drizzle schema writing that folder declares. A policy the Drizzle
/// schema declares is judged (and reported) there, where its author edits it; the migration drizzle-kit generated
/// from it is not judged again. Findings about a table the Drizzle schema declares with the RLS flag the migrations
/// left it with are placed at that table, whose `pgTable(...)` (with or without `.enableRLS()`) made it so.
struct RowSecurityProject: Sendable {
    /// Where a finding goes.
    struct Site: Sendable {
        var path: String
        var range: Range<Int>
    }

    /// A policy's `USING` or `WITH CHECK`.
    struct Expression: Sendable {
        var isAlwaysTrue: Bool
        /// Where `always-true` reports it.
        var site: Site
        /// Calls PostgreSQL makes once per row (`auth.uid()` outside `(select …)`), with where each is reported and
        /// whether it is inside a subquery (once per row that reads).
        var perRowCalls: [(name: String, site: Site, isInSubquery: Bool)]
    }

    struct Policy: Sendable {
        var name: String
        var table: QualifiedName
        var command: Catalog.Policy.Command
        var permissive: Bool
        var roles: [String]
        var using: Expression?
        var withCheck: Expression?
        /// Whether the table's RLS is on; nil when unknown (a statement the parser could not read came after it).
        var tableRLS: Bool?
    }

    struct Table: Sendable {
        var name: QualifiedName
        var rlsEnabled: Bool
        var rlsForced: Bool
        var policyNames: [String]
        /// Whether `anon` or `authenticated` may still read or write it (GRANT/REVOKE).
        var isReachableByClients: Bool
        var site: Site
        /// The site is the Drizzle table (its RLS comes from `.enableRLS()` and its policies there).
        var isDrizzle = false
    }

    /// nil for a Drizzle schema whose policies name Supabase's roles but whose migrations are not a Supabase CLI
    /// folder: its policies are judged, its tables are not (which schemas the API exposes is unknown).
    var supabase: SupabaseProject?
    /// Tables whose state is known, in the order the migrations create them.
    var tables: [Table] = []
    var policies: [Policy] = []
    /// Functions as the last migration left them, whose definition is known.
    var functions: [Routine] = []
}

extension Project {
    /// Every Supabase project of the repository, worked out once and shared by the `rls/` rules.
    var rowSecurityProjects: [RowSecurityProject] {
        derived.value("row-security-projects") { RowSecurityProjects.build(self) }
    }
}

/// Roles whose policies mark a Drizzle schema as Supabase's.
private let supabaseRoles: Set<String> = ["anon", "authenticated", "service_role"]

enum RowSecurityProjects {
    fileprivate static func build(_ project: Project) -> [RowSecurityProject] {
        var result: [RowSecurityProject] = []
        var attached: Set<String> = []
        for folder in project.migrations {
            guard let supabase = folder.supabase else { continue }
            let schemas = drizzleSchemas(of: folder, in: project).map(\.schema)
            attached.formUnion(schemas.map(key))
            result.append(build(supabase: supabase, security: folder.replay.final, schemas: schemas))
        }
        // Two configs may read the same schema files: each policy is judged once.
        var seen: Set<SourceLocation> = []
        for schema in project.schemas where schema.prisma == nil && !schema.isModelUnreadable && !attached.contains(key(schema)) {
            let tables = schema.model.tables
            guard tables.contains(where: { $0.policies.contains { !supabaseRoles.isDisjoint(with: $0.roles) } }) else { continue }
            var entry = RowSecurityProject(supabase: nil)
            for table in tables {
                entry.policies += table.policies.filter { seen.insert($0.location).inserted }
                    .map { policy($0, of: table.qualifiedName, tableRLS: table.hasRowSecurity) }
            }
            result.append(entry)
        }
        return result
    }

    private static func key(_ schema: DrizzleSchema) -> String { schema.config?.path ?? schema.files.joined(separator: "\n") }

    /// The Drizzle schemas whose migrations the folder holds (as the loader paired them), with names the reader
    /// could read, each with the snapshot as drizzle-kit compares them.
    static func drizzleSchemas(of folder: MigrationFolder, in project: Project) -> [(schema: DrizzleSchema, snapshot: SchemaModel?)] {
        project.drizzleSchemas(of: folder).filter { $0.schema.prisma == nil && !$0.schema.isModelUnreadable }
    }

    private static func build(supabase: SupabaseProject, security: CatalogReplay, schemas: [DrizzleSchema]) -> RowSecurityProject {
        var entry = RowSecurityProject(supabase: supabase)
        var declared: [QualifiedName: Catalog.Table] = [:]
        for schema in schemas {
            for table in schema.model.tables { declared[table.qualifiedName] = table }
        }
        let replayed = security.definedTables
        for table in replayed.filter({ !$0.hasUnreadableChanges }).sorted(by: { $0.location.precedes($1.location) }) {
            var judged = RowSecurityProject.Table(name: table.qualifiedName, rlsEnabled: table.isRLSEnabled, rlsForced: table.isRLSForced,
                                                  policyNames: table.policies.map(\.name).sorted(),
                                                  isReachableByClients: table.isReachableByClients,
                                                  site: RowSecurityProject.Site(table.rlsSite))
            if let drizzle = declared[table.qualifiedName], drizzle.hasRowSecurity == table.isRLSEnabled {
                judged.site = RowSecurityProject.Site(drizzle.nameLocation)
                judged.isDrizzle = true
            }
            entry.tables.append(judged)
        }
        var owned: Set<String> = []
        for (name, table) in declared.sorted(by: { $0.value.location.precedes($1.value.location) }) {
            let replayed = security.definedTable(name)
            let rls: Bool? = replayed.map { $0.hasUnreadableChanges ? nil : $0.isRLSEnabled } ?? table.hasRowSecurity
            for policy in table.policies {
                owned.insert("\(name)\u{0}\(policy.name.postgresName)")
                entry.policies.append(Self.policy(policy, of: name, tableRLS: rls))
            }
        }
        // Every policy the migrations leave, on their tables and on others (`storage.objects`), in file order.
        var replayedPolicies = replayed.flatMap { table in table.policies.map { (table: table.qualifiedName, policy: $0) } }
        replayedPolicies += security.policiesOnOtherTables.flatMap { name, policies in policies.map { (table: name, policy: $0) } }
        replayedPolicies.sort { $0.policy.location.precedes($1.policy.location) }
        for (name, policy) in replayedPolicies where !owned.contains("\(name)\u{0}\(policy.name.postgresName)") {
            let table = security.definedTable(name)
            // What an unreadable statement did to the table's policies is unknown: no verdict.
            if table?.hasUnreadableChanges == true { continue }
            entry.policies.append(RowSecurityProject.Policy(
                name: policy.name, table: name, command: policy.command, permissive: policy.permissive,
                roles: policy.roles, using: policy.using.flatMap(expression), withCheck: policy.withCheck.flatMap(expression),
                tableRLS: table.map(\.isRLSEnabled) ?? true))
        }
        entry.functions = security.routines.filter { !$0.hasUnreadableChanges }.sorted { $0.location.precedes($1.location) }
        return entry
    }

    /// A migration's expression: `always-true` spans the statement from its first line to the `true`, a per-row call
    /// from there to the call.
    private static func expression(_ clause: Catalog.Policy.Clause) -> RowSecurityProject.Expression? {
        guard let parsed = clause.parsed else { return nil }
        let statement = clause.location
        /// From the start of the statement to the end of `part` (inside it): the finding starts on the statement's
        /// first line and ends at what it is about.
        func site(upTo part: Range<Int>) -> RowSecurityProject.Site {
            RowSecurityProject.Site(path: statement.path, range: statement.range.lowerBound..<max(statement.range.lowerBound, part.upperBound))
        }
        return RowSecurityProject.Expression(
            isAlwaysTrue: parsed.isAlwaysTrue, site: site(upTo: parsed.range),
            perRowCalls: parsed.perRowCalls.map { call in ("\(call.name)", site(upTo: call.range), call.isInSubquery) })
    }

    /// A Drizzle policy, its expressions read by PostgreSQL's parser from the SQL drizzle-kit writes for them and
    /// reported at their `using:` / `withCheck:` property. An expression the reader could not render, or the parser
    /// cannot read, gets no verdict.
    static func policy(_ policy: Catalog.Policy, of table: QualifiedName, tableRLS: Bool?) -> RowSecurityProject.Policy {
        func judged(_ clause: Catalog.Policy.Clause?, check: Bool) -> RowSecurityProject.Expression? {
            guard let clause, let text = clause.text, let parsed = parsedExpression(text, check: check) else { return nil }
            let site = RowSecurityProject.Site(clause.location)
            return RowSecurityProject.Expression(isAlwaysTrue: parsed.isAlwaysTrue, site: site,
                                                 perRowCalls: parsed.perRowCalls.map { ("\($0.name)", site, $0.isInSubquery) })
        }
        return RowSecurityProject.Policy(
            name: policy.name, table: table, command: policy.command, permissive: policy.permissive,
            roles: policy.roles, using: policy.unreadable.contains(.using) ? nil : judged(policy.using, check: false),
            withCheck: policy.unreadable.contains(.withCheck) ? nil : judged(policy.withCheck, check: true),
            tableRLS: policy.unreadable.isDisjoint(with: [.command, .permissive, .roles]) ? tableRLS : nil)
    }

    /// The expression as PostgreSQL reads it inside a policy.
    private static func parsedExpression(_ text: String, check: Bool) -> PolicyExpression? {
        let statement = "CREATE POLICY p ON t \(check ? "WITH CHECK" : "USING") (\(text));"
        if let known = parsedPolicies.withLock({ $0[statement] }) { return known }
        let file = SQLParser.parseFile(Array(statement.utf8))
        var parsed: PolicyExpression?
        if file.syntaxErrors.isEmpty, file.statements.count == 1, case .policy(let policy) = file.statements[0].kind {
            parsed = check ? policy.withCheck : policy.using
        }
        parsedPolicies.withLock { known in
            if known.count >= 4_096 { known = [:] }
            known[statement] = .some(parsed)
        }
        return parsed
    }

    /// Parses of policy expressions by their statement text, kept for the process: the language server checks the
    /// same policies after every edit of a schema, and libpg_query took a tenth of that check for sixty of them.
    private static let parsedPolicies = Mutex<[String: PolicyExpression?]>([:])
}

extension String {
    /// The name PostgreSQL keeps for this identifier (its first 63 bytes): a Drizzle policy named longer matches the
    /// migration's under that name.
    var postgresName: String { LongIdentifier.truncated(self) }
}

extension RowSecurityProject.Site {
    init(_ location: SourceLocation) { self.init(path: location.path, range: location.range) }
}

extension SourceLocation {
    /// By path, then by where in the file: the order findings and judged elements are listed in.
    func precedes(_ other: SourceLocation) -> Bool { (path, range.lowerBound) < (other.path, other.range.lowerBound) }
}

extension Catalog.Table {
    /// Where the table was left with or without RLS: the statement that last enabled or disabled it, else its
    /// `CREATE TABLE`.
    var rlsSite: SourceLocation { rlsChangeLocation ?? location }

    /// The privileges that read or change rows (what RLS guards).
    static let rowPrivileges: Set<String> = ["select", "insert", "update", "delete"]

    /// `anon` or `authenticated` may still read or change rows through the API.
    var isReachableByClients: Bool { privileges.values.contains { !$0.isDisjoint(with: Self.rowPrivileges) } }
}

/// Schemas Supabase manages itself: their functions are not the project's to fix.
let supabaseManagedSchemas: Set<String> = [
    "auth", "storage", "realtime", "extensions", "graphql", "graphql_public", "pgsodium", "vault", "net", "cron",
    "supabase_functions", "supabase_migrations", "pg_catalog", "information_schema",
]
