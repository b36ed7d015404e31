import Catalog
import Drizzle

/// The schema as query code names it: tables by their exported variable (which is also the `db.query.<key>`
/// key), and relations by table and name for `with: { … }`.
struct QuerySchema: Sendable {
    let tablesByVariable: [String: DeclaredTable]
    private let relationTargets: [RelationKey: DeclaredTable]

    private struct RelationKey: Hashable {
        var fromTable: String
        var name: String
    }

    init(schemas: [(model: SchemaModel, declarations: SchemaDeclarations)]) {
        var tables: [String: DeclaredTable] = [:]
        var byName: [String: DeclaredTable] = [:]
        for table in schemas.flatMap({ $0.model.declaredTables($0.declarations) }) {
            if let variable = table.variableName, tables[variable] == nil { tables[variable] = table }
            if byName[table.name] == nil { byName[table.name] = table }
        }
        var targets: [RelationKey: DeclaredTable] = [:]
        for relation in schemas.flatMap(\.declarations.relations) {
            if let target = byName[relation.toTable] { targets[RelationKey(fromTable: relation.fromTable, name: relation.name)] = target }
        }
        tablesByVariable = tables
        relationTargets = targets
    }

    /// The table a relation of `table` called `name` leads to (`with: { billingHistory: … }`).
    func relationTarget(from table: DeclaredTable, named name: String) -> DeclaredTable? {
        relationTargets[RelationKey(fromTable: table.name, name: name)]
    }

    /// A column by its TypeScript key (what query code writes), else by SQL name.
    static func column(_ property: String, of table: DeclaredTable) -> DeclaredColumn? {
        table.firstColumn { $1.key == property } ?? table.firstColumn { $1.key == nil && $0.name == property }
    }
}
