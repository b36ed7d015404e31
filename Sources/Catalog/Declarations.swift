/// What an ORM schema (drizzle-orm TypeScript, a Prisma schema) declares about a column beyond what PostgreSQL
/// has: the application's name for it, the builder that made it and where a fix can edit that builder, and what
/// the ORM does at run time. Not part of the catalog: the reader that filled a `SchemaModel` keeps these beside
/// it, one per column (in `SchemaDeclarations`), and rules see both through `DeclaredTable`. Snapshots, migrations
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

/// What an ORM schema declares about a table beyond what PostgreSQL has: the application's name for it, where
/// its declaration is written (for fixes) and the schemalint markers on it. Like `ColumnDeclaration`, not part of
/// the catalog: the reader that filled a `SchemaModel` keeps one per table beside it (`SchemaDeclarations`).
public struct TableDeclaration: Sendable, Hashable {
    /// The exported TypeScript binding (`export const users = pgTable(...)`), or the Prisma model's name (what
    /// query code writes).
    public var variableName: String?
    /// The table call's arguments as written (TypeScript only), for fixes that add to its third argument.
    public var call: CallLayout?
    /// How the table's file is written (TypeScript only), for fixes that add code to it.
    public var fileStyle: TableFileStyle?
    /// Marked with a `// schemalint: high-frequency` comment right before its declaration.
    public var isHighFrequency: Bool
    /// One per column of the table, in order.
    public var columns: [ColumnDeclaration]

    public init(variableName: String? = nil, call: CallLayout? = nil, fileStyle: TableFileStyle? = nil,
                isHighFrequency: Bool = false, columns: [ColumnDeclaration] = []) {
        self.variableName = variableName
        self.call = call
        self.fileStyle = fileStyle
        self.isHighFrequency = isHighFrequency
        self.columns = columns
    }

    /// A table no ORM declared (a snapshot's, a migration's).
    public static let none = TableDeclaration()
}

/// The declarations of a model's tables and their columns, kept beside it by the reader that made both:
/// `tables[t]` belongs to `model.tables[t]`, `tables[t].columns[c]` to its column `c`. A table or column without
/// one (or a model read without any) has `.none`. Drizzle's `relations()` are kept here too: they make no
/// database constraint.
public struct SchemaDeclarations: Sendable, Hashable {
    public var tables: [TableDeclaration]
    /// Application-level relations from `relations()` (Drizzle only).
    public var relations: [Relation]

    public init(tables: [TableDeclaration] = [], relations: [Relation] = []) {
        self.tables = tables
        self.relations = relations
    }

    /// The declaration of table `index`.
    public subscript(table index: Int) -> TableDeclaration {
        tables.indices.contains(index) ? tables[index] : .none
    }
}

/// A table of a model read from an ORM, with its columns' declarations: what rules and the query readers walk.
/// Reads of the table's catalog facts go through to `table`; `columns` pairs each column with its declaration.
/// It refers to the model's table by index, so that making one (for every table of a schema, per rule) copies
/// no table, and a read copies only the field read.
@dynamicMemberLookup
public struct DeclaredTable: Sendable {
    @usableFromInline let tables: [Table]
    @usableFromInline let tableDeclarations: [TableDeclaration]
    @usableFromInline let index: Int

    public init(_ table: Table, declaration: TableDeclaration = .none) {
        self.init(tables: [table], declarations: [declaration], index: 0)
    }

    @inlinable
    init(tables: [Table], declarations: [TableDeclaration], index: Int) {
        self.tables = tables
        self.tableDeclarations = declarations
        self.index = index
    }

    @inlinable
    public var table: Table { tables[index] }

    /// What the ORM declared about the table (`.none` for a table no ORM declared).
    @inlinable
    public var declaration: TableDeclaration { index < tableDeclarations.count ? tableDeclarations[index] : .none }

    /// One per column of `table`, in order (`.none` past the end).
    @inlinable
    public var declarations: [ColumnDeclaration] { index < tableDeclarations.count ? tableDeclarations[index].columns : [] }

    @inlinable
    public var variableName: String? { index < tableDeclarations.count ? tableDeclarations[index].variableName : nil }
    @inlinable
    public var isHighFrequency: Bool { index < tableDeclarations.count && tableDeclarations[index].isHighFrequency }
    public var call: CallLayout? { declaration.call }
    public var fileStyle: TableFileStyle? { declaration.fileStyle }

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

/// A `relations(table, ({ one, many }) => ({ … }))` entry: application-level only, no database constraint.
public struct Relation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case one, many }
    public var kind: Kind
    /// The property name in the relations object.
    public var name: String
    /// SQL names of the tables.
    public var fromTable: String
    public var toTable: String
    /// SQL column names of `fields` (on `fromTable`) and `references` (on `toTable`); empty when not given.
    public var fields: [String]
    public var references: [String]
    public var relationName: String?
    public var location: SourceLocation

    public init(kind: Kind, name: String, fromTable: String, toTable: String, fields: [String] = [],
                references: [String] = [], relationName: String? = nil, location: SourceLocation = .none) {
        self.kind = kind
        self.name = name
        self.fromTable = fromTable
        self.toTable = toTable
        self.fields = fields
        self.references = references
        self.relationName = relationName
        self.location = location
    }
}

extension SchemaModel {
    /// The tables with the declarations a reader kept beside them.
    public func declaredTables(_ declarations: SchemaDeclarations) -> [DeclaredTable] {
        tables.indices.map { DeclaredTable(tables: tables, declarations: declarations.tables, index: $0) }
    }
}
