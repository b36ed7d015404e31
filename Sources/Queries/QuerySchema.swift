import Catalog
import Drizzle

/// The schema as query code names it: tables by their exported variable (which is also the `db.query.<key>`
/// key), and relations by table and name for `with: { … }`.
struct QuerySchema: Sendable {
    let tablesByVariable: [String: Table]
    private let relationTargets: [RelationKey: Table]

    private struct RelationKey: Hashable {
        var fromTable: String
        var name: String
    }

    init(models: [SchemaModel]) {
        var tables: [String: Table] = [:]
        var byName: [String: Table] = [:]
        for table in models.flatMap(\.tables) {
            if let variable = table.variableName, tables[variable] == nil { tables[variable] = table }
            if byName[table.name] == nil { byName[table.name] = table }
        }
        var targets: [RelationKey: Table] = [:]
        for relation in models.flatMap(\.relations) {
            if let target = byName[relation.toTable] { targets[RelationKey(fromTable: relation.fromTable, name: relation.name)] = target }
        }
        tablesByVariable = tables
        relationTargets = targets
    }

    /// The table a relation of `table` called `name` leads to (`with: { billingHistory: … }`).
    func relationTarget(from table: Table, named name: String) -> Table? {
        relationTargets[RelationKey(fromTable: table.name, name: name)]
    }

    /// A column by its TypeScript key (what query code writes), else by SQL name.
    static func column(_ property: String, of table: Table) -> Column? {
        table.columns.first { $0.key == property } ?? table.columns.first { $0.key == nil && $0.name == property }
    }
}
