/// An `index()` / `uniqueIndex()` of a table's third argument.
public struct Index: Sendable, Hashable {
    public var name: String
    public var columns: [IndexColumn]
    public var isUnique: Bool
    public var concurrently: Bool
    /// `btree` unless `.using(method, …)`.
    public var method: String
    /// The partial-index predicate as SQL text.
    public var `where`: String?
    /// Storage parameters (`.with({ fillfactor: 70 })`) as `key → JSON literal text`, in source order.
    public var with: [StorageParameter]
    /// Whether the name was written in the source (otherwise derived from the columns).
    public var isNameExplicit: Bool
    public var location: SourceLocation

    public init(name: String, columns: [IndexColumn], isUnique: Bool = false, concurrently: Bool = false,
                method: String = "btree", where: String? = nil, with: [StorageParameter] = [],
                isNameExplicit: Bool = true, location: SourceLocation = .none) {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
        self.concurrently = concurrently
        self.method = method
        self.where = `where`
        self.with = with
        self.isNameExplicit = isNameExplicit
        self.location = location
    }
}

/// One `key: value` of an index's `with`.
public struct StorageParameter: Sendable, Hashable {
    public var key: String
    /// The value as a JSON literal (`70`, `"on"`, `true`).
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A column or expression of an index, with its sort options.
public struct IndexColumn: Sendable, Hashable {
    /// A column's SQL name, or the SQL text of an expression.
    public var expression: String
    public var isExpression: Bool
    public var asc: Bool
    /// `first` or `last`.
    public var nulls: String
    /// `.op('uuid_ops')`
    public var opclass: String?

    public init(expression: String, isExpression: Bool = false, asc: Bool = true, nulls: String = "last",
                opclass: String? = nil) {
        self.expression = expression
        self.isExpression = isExpression
        self.asc = asc
        self.nulls = nulls
        self.opclass = opclass
    }
}

/// A foreign key from `.references(() => t.col)` or `foreignKey({...})`.
public struct ForeignKey: Sendable, Hashable {
    public var name: String
    public var tableFrom: String
    public var columnsFrom: [String]
    public var tableTo: String
    /// The referenced table's schema; nil when drizzle-kit leaves it out (public).
    public var schemaTo: String?
    public var columnsTo: [String]
    /// nil when not stated (a snapshot's `null`), which PostgreSQL and drizzle-kit take as `no action`.
    public var onDelete: ForeignKeyAction?
    public var onUpdate: ForeignKeyAction?
    public var isNameExplicit: Bool
    /// Declared inline with `.references()` (rather than `foreignKey()` in the third argument).
    public var isInline: Bool
    public var location: SourceLocation

    public init(name: String, tableFrom: String, columnsFrom: [String], tableTo: String, schemaTo: String? = nil,
                columnsTo: [String], onDelete: ForeignKeyAction? = .noAction, onUpdate: ForeignKeyAction? = .noAction,
                isNameExplicit: Bool = true, isInline: Bool = false, location: SourceLocation = .none) {
        self.name = name
        self.tableFrom = tableFrom
        self.columnsFrom = columnsFrom
        self.tableTo = tableTo
        self.schemaTo = schemaTo
        self.columnsTo = columnsTo
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.isNameExplicit = isNameExplicit
        self.isInline = isInline
        self.location = location
    }
}

/// A `primaryKey({ columns, name })` of the third argument (snapshot `compositePrimaryKeys`).
public struct PrimaryKeyConstraint: Sendable, Hashable {
    public var name: String
    public var columns: [String]
    public var isNameExplicit: Bool
    public var location: SourceLocation

    public init(name: String, columns: [String], isNameExplicit: Bool = true, location: SourceLocation = .none) {
        self.name = name
        self.columns = columns
        self.isNameExplicit = isNameExplicit
        self.location = location
    }
}

/// A unique constraint: `unique().on(...)` in the third argument or a column's `.unique()`.
public struct UniqueConstraint: Sendable, Hashable {
    public var name: String
    public var columns: [String]
    public var nullsNotDistinct: Bool
    public var isNameExplicit: Bool
    public var location: SourceLocation

    public init(name: String, columns: [String], nullsNotDistinct: Bool = false, isNameExplicit: Bool = true,
                location: SourceLocation = .none) {
        self.name = name
        self.columns = columns
        self.nullsNotDistinct = nullsNotDistinct
        self.isNameExplicit = isNameExplicit
        self.location = location
    }
}

/// `check(name, sql\`…\`)`.
public struct CheckConstraint: Sendable, Hashable {
    public var name: String
    public var value: String
    public var location: SourceLocation

    public init(name: String, value: String, location: SourceLocation = .none) {
        self.name = name
        self.value = value
        self.location = location
    }
}
