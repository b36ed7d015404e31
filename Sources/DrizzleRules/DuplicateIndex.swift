import Catalog
import Core
import Drizzle
import ProjectModel

/// `schema/duplicate-index`: two indexes over the same columns in the same order (or an index repeating the
/// primary key or a unique constraint, which PostgreSQL already backs with an index). The copy costs disk, memory
/// and time on every write, and the planner uses only one.
public struct DuplicateIndex: ProjectRule {
    public let id = "schema/duplicate-index"
    public let facets: Facets = [.catalog]
    public init() {}

    /// What makes two b-tree-like structures interchangeable: method and the ordered columns with their options.
    struct Shape: Hashable {
        var method: String
        var columns: [IndexColumn]
    }

    /// An index-backed structure of a table, in the order the finding prefers to keep them.
    struct Indexed {
        var shape: Shape
        var description: String
        var location: SourceLocation
    }

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables {
            var kept: [Shape: Indexed] = [:]
            for candidate in indexed(table) {
                guard let original = kept[candidate.shape] else {
                    kept[candidate.shape] = candidate
                    continue
                }
                let columns = candidate.shape.columns.map { "`\($0.expression)`" }.joined(separator: ", ")
                reporter.report(
                    at: candidate.location,
                    message: "\(candidate.description) covers the same columns (\(columns)) as \(original.description), so it only slows down writes",
                    help: "remove \(candidate.description)")
            }
        }
    }

    /// The primary key, unique constraints, then indexes: a later duplicate of an earlier one is reported.
    func indexed(_ table: DeclaredTable) -> [Indexed] {
        func plain(_ names: [String]) -> [IndexColumn] { names.map { IndexColumn(expression: $0) } }
        var result: [Indexed] = []
        for column in table.columns where column.primaryKey {
            result.append(Indexed(shape: Shape(method: "btree", columns: plain([column.name])), description: "the primary key",
                                  location: column.location))
        }
        for key in table.compositePrimaryKeys {
            result.append(Indexed(shape: Shape(method: "btree", columns: plain(key.columns)), description: "the primary key",
                                  location: key.location))
        }
        for unique in table.uniqueConstraints {
            result.append(Indexed(shape: Shape(method: "btree", columns: plain(unique.columns)),
                                  description: "unique constraint `\(unique.name)`", location: unique.location))
        }
        // A partial index serves only its predicate's rows: it duplicates nothing. Unique indexes come first: when
        // a plain index repeats one, the plain index is the one to drop.
        let full = table.indexes.filter { $0.where == nil }
        for index in full.filter(\.isUnique) + full.filter({ !$0.isUnique }) {
            result.append(Indexed(shape: Shape(method: index.method, columns: index.columns),
                                  description: "\(index.isUnique ? "unique index" : "index") `\(index.name)`", location: index.location))
        }
        return result
    }
}
