import Catalog
import Drizzle
import ProjectModel

extension Project {
    /// Every Drizzle table once, in schema and declaration order. Two drizzle-kit configs may read the same source
    /// files; a table read twice is kept once (by the place it is declared).
    var drizzleTables: [DeclaredTable] {
        var seen: Set<SourceLocation> = []
        var result: [DeclaredTable] = []
        for schema in schemas {
            for table in schema.tables {
                let identity = table.location == .none
                    ? SourceLocation(path: "#" + table.key, range: 0..<0) : table.location
                if seen.insert(identity).inserted { result.append(table) }
            }
        }
        return result
    }
}
