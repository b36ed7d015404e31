import Catalog

/// A column builder and every chained call made on it (`text('x').notNull().default('a')`).
struct ColumnBuilder {
    /// The builder function (`timestamp`, `varchar`, …); `enum` for enum columns, `customType` for custom ones.
    var builder: String
    /// The name passed to the builder; nil when the column is named by its property key.
    var explicitName: String?
    /// The base type as drizzle-orm's `getSQLType()` returns it (drizzle-kit 0.x spelling).
    var baseType: String
    var enumReference: EnumReference?
    /// One entry per `.array(size?)`.
    var arraySizes: [Int?] = []
    var notNull: Bool
    var primaryKey = false
    var defaultValue: DefaultSource?
    var hasRuntimeDefault = false
    var hasOnUpdate = false
    var unique: ColumnUnique?
    var references: [ColumnReferenceSpec] = []
    var identity: IdentitySpec?
    var generated: DefaultSource?
    /// Options as written (`withTimezone`, `mode`, `precision`, …) for rules.
    var options: ObjectValue?
    /// The builder call.
    var location: SourceLocation
    /// The builder call's arguments as written, for fixes.
    var call: CallLayout?
    /// The end of the last call chained on the builder (`timestamp(…).defaultNow()` ends after `)`), in `location`'s file.
    var chainEnd: Int?
    /// What the reader could not work out about the column (already reported where it gave up).
    var unreadable: Set<Column.Part> = []

    /// A column the reader cannot read at all, kept so that it is not mistaken for a dropped one.
    /// A column whose type the reader cannot work out (a custom type's `dataType()`, `vector` dimensions from a
    /// package it cannot see); chained calls (`.notNull()`, `.default(...)`) are still read.
    static func unreadable(at location: SourceLocation, name: String? = nil, builder: String = "unknown",
                           options: ObjectValue? = nil) -> ColumnBuilder {
        var column = ColumnBuilder(builder: builder, explicitName: name, baseType: "", notNull: false, options: options,
                                   location: location)
        column.unreadable = [.type]
        return column
    }

    /// The type with array suffixes, in drizzle-kit 0.x spelling.
    var sqlType: String {
        baseType + arraySizes.map { "[\($0.map(String.init) ?? "")]" }.joined()
    }
}

/// A default (or generated expression): SQL, or a JavaScript value drizzle-kit renders.
enum DefaultSource {
    case sql(SQLFragment, SourceLocation)
    case value(Value, SourceLocation)
    /// `generatedAlwaysAs((): SQL => sql\`…${users.name}…\`)`: called once every table exists, since the
    /// callback usually names the table being defined.
    case deferred(Closure, SourceLocation)

    var location: SourceLocation {
        switch self {
        case .sql(_, let location), .value(_, let location), .deferred(_, let location): location
        }
    }
}

struct ColumnUnique {
    var name: String?
    var nullsNotDistinct: Bool
    var location: SourceLocation
}

/// `.references(() => other.id, { onDelete, onUpdate })`: the target is resolved after every table exists.
struct ColumnReferenceSpec {
    var target: Value
    var onDelete: String?
    var onUpdate: String?
    var location: SourceLocation
}

/// `generatedAlwaysAsIdentity({...})` / `generatedByDefaultAsIdentity({...})`.
struct IdentitySpec {
    /// `always` or `byDefault`.
    var type: String
    var options: ObjectValue?
}

/// The third argument's builders: indexes, constraints, policies.
enum ConstraintBuilder {
    /// `index(name?)` / `uniqueIndex(name?)` before `.on(...)`.
    case pendingIndex(unique: Bool, name: String?, location: SourceLocation)
    case index(IndexSpec)
    /// `unique(name?)` before `.on(...)`.
    case pendingUnique(name: String?, location: SourceLocation)
    case unique(UniqueSpec)
    case primaryKey(PrimaryKeySpec)
    case foreignKey(ForeignKeySpec)
    case check(name: String, value: SQLFragment, location: SourceLocation)
    case policy(PolicySpec)
}

/// `pgPolicy(name, options)` as evaluated; its expressions are rendered once every table exists.
struct PolicySpec {
    var name: String
    var permissive = true
    var command: Policy.Command = .all
    var roles = ["public"]
    var using: (SQLFragment, SourceLocation)?
    var withCheck: (SQLFragment, SourceLocation)?
    var location: SourceLocation
    var unreadable: Set<Policy.Part> = []
}

struct IndexSpec {
    enum Element {
        case column(TableColumnReference)
        case expression(SQLFragment)
    }

    var name: String?
    var isUnique: Bool
    var elements: [Element] = []
    var concurrently = false
    var method = "btree"
    var condition: SQLFragment?
    var with: ObjectValue?
    var location: SourceLocation
}

struct UniqueSpec {
    var name: String?
    var columns: [TableColumnReference]
    var nullsNotDistinct = false
    var location: SourceLocation
}

struct PrimaryKeySpec {
    var name: String?
    var columns: [TableColumnReference]
    var location: SourceLocation
}

struct ForeignKeySpec {
    var name: String?
    var columns: [TableColumnReference]
    var foreignColumns: [TableColumnReference]
    var onDelete: ForeignKeyAction? = .noAction
    var onUpdate: ForeignKeyAction? = .noAction
    var isInline = false
    var location: SourceLocation
}
