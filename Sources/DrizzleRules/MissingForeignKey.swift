import Catalog
import Core
import Drizzle
import ProjectModel

/// `schema/missing-foreign-key`: a column that points at another table without a database foreign key. Drizzle's
/// `relations()` are application-level only: they build joins but let orphaned rows in.
public struct MissingForeignKey: ProjectRule {
    public let id = "schema/missing-foreign-key"
    public let facets: Facets = [.catalog, .drizzleExtras]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        // Per schema, not per table: the name index and the relations are built once (schemas of 10,000 tables).
        // Prisma schemas are not judged: every Prisma relation already has a foreign key (or, with
        // `relationMode = "prisma"`, is emulated by design), and a scalar `userId` without a relation field is a
        // deliberate choice there, since the relation field is what queries need to join at all.
        for schema in project.schemas where schema.prisma == nil {
            let model = schema.model
            let tables = schema.tables
            let targets = ForeignKeyTargets(tables)
            let tablesByName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let relationsByTable = Dictionary(grouping: schema.declarations.relations, by: \.fromTable)
            let referencingNames = Self.referencingNames(model)
            var guesses: [(column: DeclaredColumn, table: DeclaredTable, target: DeclaredTable, key: DeclaredColumn)] = []
            for table in tables {
                // Relations first: they say for certain what the column points at.
                var explained: Set<String> = []
                for relation in relationsByTable[table.name] ?? []
                where isUnenforced(relation, in: table, target: tablesByName[relation.toTable]) {
                    explained.formUnion(relation.fields)
                    let columns = relation.fields.map { "`\($0)`" }.joined(separator: ", ")
                    let target = relation.references.map { "`\(relation.toTable).\($0)`" }.joined(separator: ", ")
                    reporter.report(
                        at: table.column(named: relation.fields[0])?.location ?? relation.location,
                        message: "relation `\(relation.name)` joins \(columns) of `\(table.name)` to \(target), but no foreign key enforces it (Drizzle relations exist only in the application)",
                        help: "add `.references(() => \(reference(tablesByName[relation.toTable], relation.references[0])))` to the column, or a `foreignKey()` in the table's third argument")
                }
                let tableComment = project.columnComments.text(at: table.location)
                for column in table.columns where !explained.contains(column.name) {
                    let comment = project.columnComments.text(at: column.location)
                    guard let (target, key) = referencedKey(of: column, in: table, targets: targets),
                          !ExternalIDs.mentionsOtherSystem(comment), !ExternalIDs.mentionsOtherSystem(tableComment),
                          !ExternalIDs.declinesForeignKey(comment), !ExternalIDs.declinesForeignKey(tableComment),
                          !ExternalIDs.isProviderRegistration(column, in: table),
                          // The schema's foreign keys to that table use other words (`teamsId` where this is
                          // `teamId`): the name match is a coincidence.
                          referencingNames[target.name].map({ $0.contains(NameWords.split(column.name)) }) ?? true
                    else { continue }
                    guesses.append((column, table, target, key))
                }
            }
            guard !Self.keepsReferencesWithoutKeys(guesses.map(\.table), model) else { continue }
            for (column, _, target, key) in guesses {
                reporter.report(
                    at: column.location,
                    message: "column \(column.displayName) looks like a reference to `\(target.name).\(key.name)` (\(Self.types(column, key))) but has no foreign key",
                    help: "add `.references(() => \(reference(target, key.name)))`, or rename the column if it holds an id from another system")
            }
        }
    }

    /// Table name → the words of the single columns whose foreign keys reference it (`teamsId` → `[teams, id]`).
    static func referencingNames(_ model: SchemaModel) -> [String: Set<[String]>] {
        var names: [String: Set<[String]>] = [:]
        for table in model.tables {
            for key in table.foreignKeys where key.columnsFrom.count == 1 {
                names[key.tableTo, default: []].insert(NameWords.split(key.columnsFrom[0]))
            }
        }
        return names
    }

    /// Schemas that keep their references without keys by convention (PlanetScale-era schemas, ones whose
    /// integrity the application or a domain layer keeps): five or more id columns named after tables, and not one
    /// foreign key in the tables that hold them. Reporting each would be the same disagreement many times over.
    static func keepsReferencesWithoutKeys(_ holders: [DeclaredTable], _ model: SchemaModel) -> Bool {
        guard holders.count >= 5 else { return false }
        let keys = Set(holders.map(\.key))
        return !model.tables.contains { keys.contains($0.key) && !$0.foreignKeys.isEmpty }
    }

    /// A `one()` relation of `table` with `fields`/`references` that no foreign key backs: none from the fields to
    /// the referenced table, none the other way (`one()` declared on the parent side), and the two sides do not
    /// both reference one and the same key (`following.userId` → `profile.userId`, both → `users.id`).
    func isUnenforced(_ relation: Relation, in table: DeclaredTable, target: DeclaredTable?) -> Bool {
        guard relation.kind == .one, relation.fromTable == table.name, !relation.fields.isEmpty,
              relation.fields.count == relation.references.count
        else { return false }
        if table.hasForeignKey(from: relation.fields, to: relation.toTable) { return false }
        // A wider key that maps each field to its reference (`(thread_id, parent_id)` → `(thread_id, id)`, which
        // also keeps a parent in the same thread) enforces the relation too.
        if table.hasForeignKey(pairing: relation.fields, with: relation.references, to: relation.toTable) { return false }
        guard let target else { return true }
        if target.hasForeignKey(from: relation.references, to: table.name) { return false }
        let fieldTargets = table.referencedKeys(of: relation.fields)
        return fieldTargets == nil || fieldTargets != target.referencedKeys(of: relation.references)
    }

    /// The table and key a column's name and type point at, when the column has no foreign key.
    func referencedKey(of column: DeclaredColumn, in table: DeclaredTable, targets: ForeignKeyTargets) -> (DeclaredTable, DeclaredColumn)? {
        guard column.nameEnds(withLetters: "id"), !column.isArray, !table.hasForeignKey(from: [column.name]),
              // A foreign key or type the reader could not read may be there: no verdict.
              column.unreadable.isEmpty, !table.unreadableElements.contains(.foreignKey),
              let target = targets.table(namedBy: column), let key = target.singlePrimaryKey,
              KeyTypeFamily(key.pgType) == KeyTypeFamily(column.pgType),
              // `accountId` inside `account` is the provider's account id, not a self-reference.
              target.key != table.key,
              // `customer_id` next to `internal_customer_id → customers`: the table already has its link there.
              !table.foreignKeys.contains(where: { $0.tableTo == target.name }),
              !ExternalIDs.isExternal(column),
              !isPolymorphic(column, in: table)
        else { return nil }
        return (target, key)
    }

    /// "both `uuid`", or `integer` against `serial` for compatible spellings.
    static func types(_ column: DeclaredColumn, _ key: DeclaredColumn) -> String {
        column.type == key.type ? "both `\(key.type)`" : "`\(column.type)` against `\(key.type)`"
    }

    /// `ownerId` next to `ownerType`: one column pointing at several tables, which no foreign key can express.
    func isPolymorphic(_ column: DeclaredColumn, in table: DeclaredTable) -> Bool {
        let prefixes = column.nameWords.map { $0.dropLast() }
        return table.columns.contains { other in
            other.nameWords.contains { words in
                guard let last = words.last, ["type", "kind", "table", "model"].contains(last) else { return false }
                return prefixes.contains(words.dropLast())
            }
        }
    }

    /// `users.id` as the TypeScript that names a column (variable and key), for the help text.
    func reference(_ table: DeclaredTable?, _ columnName: String) -> String {
        guard let table else { return columnName }
        return "\(table.variableName ?? table.name).\(table.column(named: columnName)?.key ?? columnName)"
    }
}
