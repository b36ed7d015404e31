import Catalog

/// One statement of a migration file.
public struct SQLStatement: Sendable, Equatable {
    public var kind: StatementKind
    /// From the statement's first token to its last (no leading comments, no trailing `;`).
    public var range: Range<Int>
    /// Statements found inside this one: the SQL of a `DO $$ … $$` block, located in the file.
    public var nested: [SQLStatement] = []
    /// The string constants the statement holds (`'active'` in a `DEFAULT`, a `VALUES` list, a `WHERE`), each once:
    /// what `migration/enum-value-used-in-same-transaction` compares with values added to an enum.
    public var stringConstants: [String] = []
    /// Names over PostgreSQL's 63-byte limit as written (the parser hands on the truncated name), in statements
    /// that name new objects.
    public var longIdentifiers: [LongIdentifier] = []
}

/// An identifier longer than PostgreSQL keeps (NAMEDATALEN − 1 = 63 bytes).
public struct LongIdentifier: Sendable, Equatable {
    public static let limit = 63
    /// The name as written (quotes removed, `""` unescaped).
    public var name: String
    /// The token, quotes included.
    public var range: Range<Int>

    /// The name PostgreSQL keeps: the first 63 bytes, cut before a character that would not fit whole.
    public var truncated: String { Self.truncated(name) }

    public static func truncated(_ name: String) -> String {
        let bytes = Array(name.utf8)
        var count = min(bytes.count, Self.limit)
        while count > 0, count < bytes.count, bytes[count] & 0xC0 == 0x80 { count -= 1 }
        return String(decoding: bytes[..<count], as: UTF8.self)
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
    /// `REINDEX [ ( CONCURRENTLY ) ] INDEX | TABLE | … name`.
    case reindex(Reindex)
    /// `SET [LOCAL] name = value` / `SET name TO value` (`SET lock_timeout = '5s'`).
    case set(SetVariable)
    case createTrigger(CreateTrigger)
    /// `GRANT` / `REVOKE` of table privileges, direct or default.
    case grant(TableGrant)
    /// `TRUNCATE [TABLE] a, b [CASCADE]`.
    case truncate(tables: [QualifiedName], cascade: Bool)
    /// `LOCK [TABLE] a, b [IN mode MODE] [NOWAIT]`: `mode` is PostgreSQL's lock mode number, 1 (ACCESS SHARE) to
    /// 8 (ACCESS EXCLUSIVE, also when no mode is written).
    case lockTable(tables: [QualifiedName], mode: Int)
    /// `VACUUM [FULL] [ANALYZE] [t, …]` (`full`), or `ANALYZE [t, …]` (`analyzeOnly`); no tables means every table.
    case vacuum(tables: [QualifiedName], full: Bool, analyzeOnly: Bool)
    /// `COMMENT ON kind name IS …`: `relation` is the table of a table's or column's comment.
    case comment(objectKind: ObjectKind, relation: QualifiedName?)
    /// `ALTER TABLE / VIEW / SEQUENCE / TYPE / … name SET SCHEMA other`.
    case setSchema(SetSchema)
    /// `CLUSTER [VERBOSE] t [USING i]`; no table (`CLUSTER;`) re-clusters every table clustered before.
    case cluster(table: QualifiedName?)
    /// `REFRESH MATERIALIZED VIEW [CONCURRENTLY] v [WITH [NO] DATA]`.
    case refreshMaterializedView(name: QualifiedName, concurrently: Bool)
    /// `CREATE STATISTICS [IF NOT EXISTS] s [(kinds)] ON … FROM t`: `tables` as the `FROM` names them (PostgreSQL
    /// accepts one).
    case createStatistics(tables: [QualifiedName])
    /// `CREATE PUBLICATION p FOR TABLE a, b` / `ALTER PUBLICATION p { ADD | SET | DROP } TABLE a, b` (Supabase's
    /// `supabase_realtime`): the tables named (none for `TABLES IN SCHEMA`, `ALL TABLES` or a change of options).
    case publication(tables: [QualifiedName])
    /// `BEGIN` / `START TRANSACTION`, `COMMIT` / `END`, `ROLLBACK` / `ABORT`: a migration that commits in the middle
    /// (`COMMIT;` before `CREATE INDEX CONCURRENTLY`) ends its runner's transaction there. Savepoints and prepared
    /// transactions stay `.other`.
    case transaction(TransactionControl)
    /// Any other statement, by libpg_query's node name (`CreateExtensionStmt`, `ViewStmt`, …).
    case other(nodeTag: String)
}

/// What a transaction statement does to the transaction around it.
public enum TransactionControl: Sendable, Equatable {
    case begin, commit, rollback
}
