import Catalog
import Drizzle

/// Which table columns query code filters (`where`) and sorts (`orderBy`) on.
public struct QueryUsage: Sendable, Hashable {
    /// In file order, then source order; one entry per place a column is named.
    public var uses: [ColumnUse]

    public init(uses: [ColumnUse] = []) {
        self.uses = uses
    }
}

/// One column named inside a `where` or `orderBy` of query code.
public struct ColumnUse: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case filter, sort }
    /// The schema table's `key` (`public.users`).
    public var tableKey: String
    /// The column's SQL name.
    public var column: String
    public var kind: Kind
    /// The column reference in the query file (`usageEvents.timestamp`, `t.userId`).
    public var location: SourceLocation

    public init(tableKey: String, column: String, kind: Kind, location: SourceLocation) {
        self.tableKey = tableKey
        self.column = column
        self.kind = kind
        self.location = location
    }
}
