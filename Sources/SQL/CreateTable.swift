import Catalog

/// `CREATE TABLE`.
public struct CreateTable: Sendable, Equatable {
    public var name: QualifiedName
    public var columns: [ColumnDefinition]
    /// Table-level constraints (`CONSTRAINT … PRIMARY KEY (…)`, `FOREIGN KEY`, `UNIQUE`, `CHECK`, …).
    public var constraints: [TableConstraint]
    public var ifNotExists: Bool
}

/// A column as `CREATE TABLE` or `ADD COLUMN` defines it.
public struct ColumnDefinition: Sendable, Equatable {
    public var name: String
    /// Normalised type: `integer`, `varchar(255)`, `timestamp with time zone`, `integer[]`, `public.status`.
    public var typeName: String
    public var notNull = false
    public var hasDefault = false
    /// `GENERATED ALWAYS AS (…) STORED` or `GENERATED … AS IDENTITY`: the database fills the value.
    public var isGenerated = false
    public var isPrimaryKey = false
    public var isUnique = false
    /// An inline `REFERENCES other(col)`.
    public var references: ForeignKeyReference?
    /// The default calls a function PostgreSQL marks volatile (`gen_random_uuid()`, `random()`, `clock_timestamp()`,
    /// `nextval(…)`): adding the column then fills every existing row one by one, a rewrite. `now()` is stable.
    public var hasVolatileDefault = false
    /// `GENERATED … AS IDENTITY` (not a stored generated expression).
    public var isIdentity = false
    /// From the column name to the end of its definition.
    public var range: Range<Int>

    /// `NOT NULL`, or implied by `PRIMARY KEY`.
    public var rejectsNull: Bool { notNull || isPrimaryKey }

    /// `serial`, `bigserial`, `smallserial` (and `serial2/4/8`): an implicit `DEFAULT nextval(…)`.
    public var isSerial: Bool {
        ["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"].contains(typeName)
    }

    /// Whether adding this column to a table with rows gives those rows a value: an explicit default,
    /// a serial type, or an identity / generated column.
    public var providesValueForExistingRows: Bool { hasDefault || isSerial || isGenerated }
}
