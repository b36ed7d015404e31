import Catalog

/// `DROP TABLE / INDEX / TYPE / …` of one or more objects.
public struct DropObjects: Sendable, Equatable {
    public var objectKind: ObjectKind
    /// The objects' names; a policy's, trigger's or rule's without its table (that is `relation`), a function's
    /// without its argument types, a cast's as `source AS target`.
    public var names: [QualifiedName]
    /// The table of a dropped policy, trigger or rule (`DROP POLICY p ON t` names one object).
    public var relation: QualifiedName?
    public var ifExists = false
    public var cascade = false
    /// `DROP INDEX CONCURRENTLY`.
    public var concurrently = false
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
}

/// `CREATE TYPE … AS ENUM (…)`.
public struct CreateEnum: Sendable, Equatable {
    public var name: QualifiedName
    public var values: [String]
}

/// `ALTER TYPE … ADD VALUE` / `RENAME VALUE`.
public struct AlterEnum: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case addValue(String, ifNotExists: Bool)
        case renameValue(from: String, to: String)
    }

    public var name: QualifiedName
    public var change: Change
}

/// `CREATE SCHEMA`.
public struct CreateSchema: Sendable, Equatable {
    public var name: String
    public var ifNotExists = false
}

/// `UPDATE`, `DELETE` or `INSERT` on one table.
public struct DataChange: Sendable, Equatable {
    public var table: QualifiedName
    /// `false` for `UPDATE` / `DELETE` of every row (and always for `INSERT`).
    public var hasWhere: Bool
}

/// `DO [LANGUAGE …] $$ … $$`.
public struct DoBlock: Sendable, Equatable {
    /// `plpgsql` unless the statement names another language.
    public var language = "plpgsql"
    /// The body's text in the file (inside the quotes), when it could be located exactly.
    public var bodyRange: Range<Int>?
}

/// A `CREATE` of a function, procedure, view, materialized view or sequence: what it creates, so that a `DROP` of
/// the same object in the same migration is known for a replacement or a temporary helper.
public struct CreateObject: Sendable, Equatable {
    public var objectKind: ObjectKind
    public var name: QualifiedName
    /// For a PL/pgSQL function: the columns of the written row its body assigns (`NEW.updated_at := now();`), as
    /// PostgreSQL folds the names: what a trigger running the function maintains.
    public var assignedNewColumns: [String] = []
    /// Functions and procedures: `SECURITY DEFINER` and `SET search_path`, when the statement writes either.
    public var security: FunctionSecurity?
}

/// `REINDEX [ (CONCURRENTLY) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [CONCURRENTLY] name`.
public struct Reindex: Sendable, Equatable {
    /// `.index`, `.table`, `.schema`, or `database` / `system`.
    public var objectKind: ObjectKind
    public var name: QualifiedName
    public var concurrently = false
}

/// `SET [LOCAL | SESSION] name { = | TO } value`; `RESET` and `SET … TO DEFAULT` have no value.
public struct SetVariable: Sendable, Equatable {
    /// Lower-cased, as PostgreSQL compares setting names (`lock_timeout`).
    public var name: String
    public var isLocal = false
    /// The value's text as the parser read it (`5s`, `0`), when there is one.
    public var value: String?
}

/// `ALTER kind name SET SCHEMA other`: moves the object (a table with its indexes, constraints and sequences) to
/// another schema.
public struct SetSchema: Sendable, Equatable {
    /// `.table`, `.view`, `.materializedView`, `.sequence`, `.type`, `.function`, …
    public var objectKind: ObjectKind
    /// The relation moved (tables, views, sequences), else the object's name.
    public var name: QualifiedName
    public var newSchema: String
    public var ifExists = false
}
