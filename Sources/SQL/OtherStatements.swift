import Catalog

/// `DROP TABLE / INDEX / TYPE / …` of one or more objects.
public struct DropObjects: Sendable, Equatable {
    public var objectKind: ObjectKind
    /// The objects' names; a policy's, trigger's or rule's without its table (that is `relation`), a function's
    /// without its argument types, a cast's as `source AS target`.
    public var names: [QualifiedName]
    /// The table of a dropped policy, trigger or rule (`DROP POLICY p ON t` names one object).
    public var relation: QualifiedName?
    public var ifExists: Bool
    public var cascade: Bool
    /// `DROP INDEX CONCURRENTLY`.
    public var concurrently: Bool

    public init(objectKind: ObjectKind, names: [QualifiedName], relation: QualifiedName? = nil, ifExists: Bool = false,
                cascade: Bool = false, concurrently: Bool = false) {
        self.objectKind = objectKind
        self.names = names
        self.relation = relation
        self.ifExists = ifExists
        self.cascade = cascade
        self.concurrently = concurrently
    }
}

/// `ALTER … RENAME [COLUMN | CONSTRAINT] … TO …`.
public struct Rename: Sendable, Equatable {
    /// What is renamed: `.table`, `.column`, `.constraint`, `.index`, or another kind.
    public var objectKind: ObjectKind
    /// The relation the statement names (the table for table, column and constraint renames; the index for
    /// index renames); `nil` for objects that are not relations (types, schemas).
    public var table: QualifiedName?
    /// The old name when the statement says it (`nil` e.g. for `ALTER SCHEMA … RENAME` parsed without it).
    public var from: String?
    public var to: String

    public init(objectKind: ObjectKind, table: QualifiedName?, from: String?, to: String) {
        self.objectKind = objectKind
        self.table = table
        self.from = from
        self.to = to
    }
}

/// `CREATE TYPE … AS ENUM (…)`.
public struct CreateEnum: Sendable, Equatable {
    public var name: QualifiedName
    public var values: [String]

    public init(name: QualifiedName, values: [String]) {
        self.name = name
        self.values = values
    }
}

/// `ALTER TYPE … ADD VALUE` / `RENAME VALUE`.
public struct AlterEnum: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case addValue(String, ifNotExists: Bool)
        case renameValue(from: String, to: String)
    }

    public var name: QualifiedName
    public var change: Change

    public init(name: QualifiedName, change: Change) {
        self.name = name
        self.change = change
    }
}

/// `CREATE SCHEMA`.
public struct CreateSchema: Sendable, Equatable {
    public var name: String
    public var ifNotExists: Bool

    public init(name: String, ifNotExists: Bool = false) {
        self.name = name
        self.ifNotExists = ifNotExists
    }
}

/// `UPDATE`, `DELETE` or `INSERT` on one table.
public struct DataChange: Sendable, Equatable {
    public var table: QualifiedName
    /// `false` for `UPDATE` / `DELETE` of every row (and always for `INSERT`).
    public var hasWhere: Bool

    public init(table: QualifiedName, hasWhere: Bool) {
        self.table = table
        self.hasWhere = hasWhere
    }
}

/// `DO [LANGUAGE …] $$ … $$`.
public struct DoBlock: Sendable, Equatable {
    /// `plpgsql` unless the statement names another language.
    public var language: String
    /// The body's text in the file (inside the quotes), when it could be located exactly.
    public var bodyRange: Range<Int>?

    public init(language: String = "plpgsql", bodyRange: Range<Int>?) {
        self.language = language
        self.bodyRange = bodyRange
    }
}

/// A `CREATE` of a function, procedure, view, materialized view or sequence: what it creates, so that a `DROP` of
/// the same object in the same migration is known for a replacement or a temporary helper.
public struct CreateObject: Sendable, Equatable {
    public var objectKind: ObjectKind
    public var name: QualifiedName
    /// For a PL/pgSQL function: the columns of the written row its body assigns (`NEW.updated_at := now();`), as
    /// PostgreSQL folds the names: what a trigger running the function maintains.
    public var assignedNewColumns: [String]
    /// Functions and procedures: `SECURITY DEFINER` and `SET search_path`, when the statement writes either.
    public var security: FunctionSecurity?

    public init(objectKind: ObjectKind, name: QualifiedName, assignedNewColumns: [String] = [], security: FunctionSecurity? = nil) {
        self.objectKind = objectKind
        self.name = name
        self.assignedNewColumns = assignedNewColumns
        self.security = security
    }
}

/// `REINDEX [ (CONCURRENTLY) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [CONCURRENTLY] name`.
public struct Reindex: Sendable, Equatable {
    /// `.index`, `.table`, `.schema`, or `database` / `system`.
    public var objectKind: ObjectKind
    public var name: QualifiedName
    public var concurrently: Bool

    public init(objectKind: ObjectKind, name: QualifiedName, concurrently: Bool = false) {
        self.objectKind = objectKind
        self.name = name
        self.concurrently = concurrently
    }
}

/// `SET [LOCAL | SESSION] name { = | TO } value`; `RESET` and `SET … TO DEFAULT` have no value.
public struct SetVariable: Sendable, Equatable {
    /// Lower-cased, as PostgreSQL compares setting names (`lock_timeout`).
    public var name: String
    public var isLocal: Bool
    /// The value's text as the parser read it (`5s`, `0`), when there is one.
    public var value: String?

    public init(name: String, isLocal: Bool = false, value: String? = nil) {
        self.name = name
        self.isLocal = isLocal
        self.value = value
    }
}
