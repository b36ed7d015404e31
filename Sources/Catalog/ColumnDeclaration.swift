/// What an ORM schema (drizzle-orm TypeScript, a Prisma schema) declares about a column beyond what PostgreSQL
/// has: the application's name for it, the builder that made it and where a fix can edit that builder, and what
/// the ORM does at run time. Not part of the catalog: the reader that filled a `SchemaModel` keeps these beside
/// it, one per column (`ColumnDeclarations`), and rules see both through `DeclaredTable`. Snapshots, migrations
/// replayed and databases have none.
public struct ColumnDeclaration: Sendable, Hashable {
    /// The TypeScript property name (`createdAt` in `createdAt: timestamp('created_at')`), or the Prisma field name.
    public var key: String?
    /// The builder that made the column (`timestamp`, `varchar`, an enum's variable, …; a Prisma field's type), for
    /// rules that care about how the column was declared.
    public var builder: String?
    /// The builder call's arguments as written (TypeScript only), for fixes that add an option.
    public var builderCall: CallLayout?
    /// Just after the last call chained on the builder (TypeScript only), for fixes that chain another.
    public var chainEnd: SourceLocation?
    /// Has `$onUpdate` / `$onUpdateFn` (Prisma: `@updatedAt`): the application maintains the value on update.
    public var hasOnUpdate: Bool
    /// Has `$defaultFn` / `$default` (Prisma: `@default(uuid())` and the like): the application supplies a value
    /// on insert.
    public var hasRuntimeDefault: Bool

    public init(key: String? = nil, builder: String? = nil, builderCall: CallLayout? = nil, chainEnd: SourceLocation? = nil,
                hasOnUpdate: Bool = false, hasRuntimeDefault: Bool = false) {
        self.key = key
        self.builder = builder
        self.builderCall = builderCall
        self.chainEnd = chainEnd
        self.hasOnUpdate = hasOnUpdate
        self.hasRuntimeDefault = hasRuntimeDefault
    }

    /// A column no ORM declared (a snapshot's, a migration's).
    public static let none = ColumnDeclaration()
}

/// The declarations of a model's columns, kept beside it by the reader that made both: `tables[t][c]` belongs to
/// `model.tables[t].columns[c]`. A column without one (or a model read without any) has `.none`.
public struct ColumnDeclarations: Sendable, Hashable {
    public var tables: [[ColumnDeclaration]]

    public init(tables: [[ColumnDeclaration]] = []) {
        self.tables = tables
    }

    /// The declarations of the columns of table `index`.
    public subscript(table index: Int) -> [ColumnDeclaration] {
        tables.indices.contains(index) ? tables[index] : []
    }
}

/// A table of a model read from an ORM, with its columns' declarations: what rules and the query readers walk.
/// Reads of the table's catalog facts go through to `table`; `columns` pairs each column with its declaration.
/// It refers to the model's table by index, so that making one (for every table of a schema, per rule) copies
/// no table, and a read copies only the field read.
@dynamicMemberLookup
public struct DeclaredTable: Sendable {
    @usableFromInline let tables: [Table]
    @usableFromInline let index: Int
    /// One per column of `table`, in order (`.none` past the end).
    public let declarations: [ColumnDeclaration]

    public init(_ table: Table, declarations: [ColumnDeclaration] = []) {
        self.init(tables: [table], index: 0, declarations: declarations)
    }

    @inlinable
    init(tables: [Table], index: Int, declarations: [ColumnDeclaration]) {
        self.tables = tables
        self.index = index
        self.declarations = declarations
    }

    @inlinable
    public var table: Table { tables[index] }

    @inlinable
    public subscript<Value>(dynamicMember path: KeyPath<Table, Value>) -> Value { tables[index][keyPath: path] }

    /// The table's columns with their declarations, paired as they are read (no copy of the columns is made).
    @inlinable
    public var columns: DeclaredColumns { DeclaredColumns(columns: tables[index].columns, declarations: declarations) }

    /// The column with this SQL name.
    public func column(named name: String) -> DeclaredColumn? {
        let columns = columns
        return columns.columns.firstIndex { $0.name == name }.map { columns[$0] }
    }

    /// The first column whose declaration satisfies `predicate`, without pairing every column.
    public func firstColumn(where predicate: (Column, ColumnDeclaration) -> Bool) -> DeclaredColumn? {
        let columns = columns
        return columns.indices.first { predicate(columns.columns[$0], columns[$0].declaration) }.map { columns[$0] }
    }
}

/// A table's columns, each paired with its declaration when it is read.
public struct DeclaredColumns: RandomAccessCollection, Sendable {
    @usableFromInline let columns: [Column]
    @usableFromInline let declarations: [ColumnDeclaration]

    @inlinable
    init(columns: [Column], declarations: [ColumnDeclaration]) {
        self.columns = columns
        self.declarations = declarations
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { columns.count }

    @inlinable
    public subscript(index: Int) -> DeclaredColumn { DeclaredColumn(columns: columns, declarations: declarations, index: index) }
}

/// A catalog column with what the ORM declared about it. Reads of catalog facts go through to `column`; like
/// `DeclaredTable`, it refers to the column by index and copies nothing until a field is read.
@dynamicMemberLookup
public struct DeclaredColumn: Sendable {
    @usableFromInline let columns: [Column]
    @usableFromInline let declarations: [ColumnDeclaration]
    @usableFromInline let index: Int

    public init(_ column: Column, _ declaration: ColumnDeclaration = .none) {
        self.init(columns: [column], declarations: [declaration], index: 0)
    }

    @inlinable
    init(columns: [Column], declarations: [ColumnDeclaration], index: Int) {
        self.columns = columns
        self.declarations = declarations
        self.index = index
    }

    @inlinable
    public var column: Column { columns[index] }

    @inlinable
    public var declaration: ColumnDeclaration { index < declarations.count ? declarations[index] : .none }

    @inlinable
    public subscript<Value>(dynamicMember path: KeyPath<Column, Value>) -> Value { columns[index][keyPath: path] }

    @inlinable
    public var key: String? { index < declarations.count ? declarations[index].key : nil }
    @inlinable
    public var builder: String? { index < declarations.count ? declarations[index].builder : nil }
    public var builderCall: CallLayout? { declaration.builderCall }
    public var chainEnd: SourceLocation? { declaration.chainEnd }
    @inlinable
    public var hasOnUpdate: Bool { index < declarations.count && declarations[index].hasOnUpdate }
    public var hasRuntimeDefault: Bool { declaration.hasRuntimeDefault }
}

extension SchemaModel {
    /// The tables with the declarations a reader kept beside them.
    public func declaredTables(_ declarations: ColumnDeclarations) -> [DeclaredTable] {
        tables.indices.map { DeclaredTable(tables: tables, index: $0, declarations: declarations[table: $0]) }
    }
}
