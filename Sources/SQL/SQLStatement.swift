/// One statement of a migration file.
public struct SQLStatement: Sendable, Equatable {
    public var kind: StatementKind
    /// From the statement's first token to its last (no leading comments, no trailing `;`).
    public var range: Range<Int>
    /// Statements found inside this one: the SQL of a `DO $$ … $$` block, located in the file.
    public var nested: [SQLStatement]

    public init(kind: StatementKind, range: Range<Int>, nested: [SQLStatement] = []) {
        self.kind = kind
        self.range = range
        self.nested = nested
    }
}

/// The statements migration rules look at, typed; anything else keeps its parse-node tag.
public enum StatementKind: Sendable, Equatable {
    case createTable(CreateTable)
    case alterTable(AlterTable)
    case createIndex(CreateIndex)
    case dropIndex(DropObjects)
    case dropTable(DropObjects)
    /// `DROP TYPE / SCHEMA / VIEW / SEQUENCE / …`: `DropObjects.objectKind` says which.
    case drop(DropObjects)
    case rename(Rename)
    case createEnum(CreateEnum)
    case alterEnum(AlterEnum)
    case createSchema(CreateSchema)
    case update(DataChange)
    case delete(DataChange)
    case insert(DataChange)
    /// `CREATE FUNCTION / PROCEDURE / VIEW / MATERIALIZED VIEW / SEQUENCE`.
    case create(CreateObject)
    /// `CREATE POLICY` / `ALTER POLICY` (`DROP POLICY` is a `.drop`).
    case policy(PolicyStatement)
    /// `ALTER FUNCTION / PROCEDURE`: its security options (renames are `.rename`).
    case alterFunction(AlterFunction)
    /// `DO $$ … $$`: the SQL inside is in the statement's `nested`.
    case doBlock(DoBlock)
    case createTrigger(CreateTrigger)
    /// Any other statement, by libpg_query's node name (`CreatePolicyStmt`, `CommentStmt`, …).
    case other(nodeTag: String)
}
