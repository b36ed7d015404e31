import Catalog

/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table [USING method] (…) [WHERE …]`.
public struct CreateIndex: Sendable, Equatable {
    public var name: String?
    public var table: QualifiedName
    public var columns: [IndexColumn]
    public var unique = false
    public var concurrently = false
    public var ifNotExists = false
    /// Access method: `btree` (the default), `gin`, `gist`, `hash`, …
    public var method = "btree"
    /// A partial index.
    public var hasWhere = false
    /// The partial index's predicate as written (after `WHERE`), when it has one.
    public var predicate: String?
    /// Just after the `INDEX` keyword (where `CONCURRENTLY` and `IF NOT EXISTS` go), for fixes; nil when not found.
    public var indexKeywordEnd: Int?

    /// The statement's meaning: where its keyword sits is not part of it.
    public static func == (lhs: CreateIndex, rhs: CreateIndex) -> Bool {
        lhs.name == rhs.name && lhs.table == rhs.table && lhs.columns == rhs.columns && lhs.unique == rhs.unique
            && lhs.concurrently == rhs.concurrently && lhs.ifNotExists == rhs.ifNotExists && lhs.method == rhs.method
            && lhs.hasWhere == rhs.hasWhere && lhs.predicate == rhs.predicate
    }
}

/// One key of an index: a column, or an expression by its source text.
public enum IndexColumn: Sendable, Hashable {
    case column(String)
    case expression(String)

    /// The column name, or the expression's text.
    public var text: String {
        switch self {
        case .column(let name), .expression(let name): return name
        }
    }
}
