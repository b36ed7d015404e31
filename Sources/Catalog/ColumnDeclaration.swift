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
@dynamicMemberLookup
public struct DeclaredTable: Sendable {
    public var table: Table
    /// One per column of `table`, in order (`.none` past the end).
    public var declarations: [ColumnDeclaration]

    public init(_ table: Table, declarations: [ColumnDeclaration] = []) {
        self.table = table
        self.declarations = declarations
    }

    public subscript<Value>(dynamicMember path: KeyPath<Table, Value>) -> Value { table[keyPath: path] }

    /// The table's columns with their declarations.
    public var columns: [DeclaredColumn] { table.columns.indices.map(column(at:)) }

    /// Column `index` with its declaration.
    public func column(at index: Int) -> DeclaredColumn {
        DeclaredColumn(table.columns[index], declarations.indices.contains(index) ? declarations[index] : .none)
    }

    /// The column with this SQL name.
    public func column(named name: String) -> DeclaredColumn? {
        table.columns.firstIndex { $0.name == name }.map(column(at:))
    }

    /// The first column whose declaration satisfies `predicate`, without pairing every column.
    public func firstColumn(where predicate: (Column, ColumnDeclaration) -> Bool) -> DeclaredColumn? {
        table.columns.indices.first { predicate(table.columns[$0], declarations.indices.contains($0) ? declarations[$0] : .none) }
            .map(column(at:))
    }
}

/// A catalog column with what the ORM declared about it. Reads of catalog facts go through to `column`.
@dynamicMemberLookup
public struct DeclaredColumn: Sendable {
    public var column: Column
    public var declaration: ColumnDeclaration

    public init(_ column: Column, _ declaration: ColumnDeclaration = .none) {
        self.column = column
        self.declaration = declaration
    }

    public subscript<Value>(dynamicMember path: KeyPath<Column, Value>) -> Value { column[keyPath: path] }

    public var key: String? { declaration.key }
    public var builder: String? { declaration.builder }
    public var builderCall: CallLayout? { declaration.builderCall }
    public var chainEnd: SourceLocation? { declaration.chainEnd }
    public var hasOnUpdate: Bool { declaration.hasOnUpdate }
    public var hasRuntimeDefault: Bool { declaration.hasRuntimeDefault }
}

extension SchemaModel {
    /// The tables with the declarations a reader kept beside them.
    public func declaredTables(_ declarations: ColumnDeclarations) -> [DeclaredTable] {
        tables.indices.map { DeclaredTable(tables[$0], declarations: declarations[table: $0]) }
    }
}
