import Catalog

/// A constraint declared on a table (`CONSTRAINT name …` in `CREATE TABLE` or `ALTER TABLE … ADD`).
public struct TableConstraint: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case primaryKey(columns: [String])
        case unique(columns: [String])
        case foreignKey(ForeignKeyReference)
        /// `CHECK (…)`, with the columns its expression reads.
        case check(columns: [String])
        /// `EXCLUDE (…)`, with its key columns (expressions are left out).
        case exclusion(columns: [String])
        /// Anything else (`NOT NULL` as a table constraint is not SQL; this covers future kinds).
        case other(String)
    }

    public var name: String?
    public var kind: Kind
    /// `NOT VALID`: existing rows are not checked (a later `VALIDATE CONSTRAINT` does it).
    public var notValid = false
    public var range: Range<Int>
    /// `UNIQUE / PRIMARY KEY USING INDEX name`: the constraint adopts an index that already exists.
    public var usingIndex: String?
    /// For a `CHECK`: the column it proves `IS NOT NULL` when the whole expression is `col IS NOT NULL`.
    public var checksNotNull: String?

    /// A foreign key's target.
    public var reference: ForeignKeyReference? {
        if case .foreignKey(let reference) = kind { reference } else { nil }
    }

    /// The table's columns the constraint covers: its key, its foreign key's columns, or those a `CHECK` reads.
    public var columns: [String] {
        switch kind {
        case .primaryKey(let columns), .unique(let columns), .check(let columns), .exclusion(let columns): columns
        case .foreignKey(let reference): reference.columns
        case .other: []
        }
    }
}

/// The target of a foreign key; for an inline column `REFERENCES`, `columns` is that one column.
public struct ForeignKeyReference: Sendable, Equatable {
    public var columns: [String]
    public var referencedTable: QualifiedName
    /// Empty when the statement names no columns (the referenced table's primary key).
    public var referencedColumns: [String]
    public var onDelete = ForeignKeyAction.noAction
    public var onUpdate = ForeignKeyAction.noAction
}
