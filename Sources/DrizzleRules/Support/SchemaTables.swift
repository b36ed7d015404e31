import Drizzle
import ProjectModel

/// A table together with the schema model it belongs to (rules that look across tables need the model).
struct SchemaTable {
    var table: Table
    var model: SchemaModel
}

extension Project {
    /// Every Drizzle table once, in schema and declaration order. Two drizzle-kit configs may read the same source
    /// files; a table read twice is kept once (by the place it is declared).
    var drizzleTables: [SchemaTable] {
        var seen: Set<SourceLocation> = []
        var result: [SchemaTable] = []
        for schema in schemas {
            for table in schema.model.tables {
                let identity = table.location == .none
                    ? SourceLocation(path: "#" + table.key, range: 0..<0) : table.location
                if seen.insert(identity).inserted { result.append(SchemaTable(table: table, model: schema.model)) }
            }
        }
        return result
    }
}

extension Table {
    /// The column with this SQL name (several constraints name columns by SQL name).
    func columns(named names: [String]) -> [Column] { names.compactMap { column(named: $0) } }
}
