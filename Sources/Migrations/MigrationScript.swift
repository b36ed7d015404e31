import Core
import DrizzleKit
import SQL

/// One migration's SQL file (`NNNN_tag.sql`, or `migration.sql` in drizzle-kit 1's folders), parsed.
public struct MigrationScript: Sendable {
    public var source: SourceFile
    /// The migration's name: the file name without `.sql` (`0003_backfill`), or the folder name in drizzle-kit 1's
    /// layout (`20250101120000_init`). It is what a journal `tag` names.
    public var name: String
    public var sql: SQLFile

    public init(source: SourceFile, name: String, sql: SQLFile) {
        self.source = source
        self.name = name
        self.sql = sql
    }

    public var path: String { source.path }

    /// The leading digits of the name (`0003`, `20250101120000`), when it has them.
    public var number: String? { MigrationName.number(of: name) }

    /// Where findings about the file as a whole point: the first line of its first statement (comments and
    /// blank lines before it are not the migration), else the first syntax error, else the file's start.
    public var headlineRange: Range<Int> {
        let bytes = source.bytes
        let start = sql.statements.first?.range.lowerBound ?? sql.syntaxErrors.first?.range.lowerBound ?? 0
        guard start < bytes.count else { return 0..<0 }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        if let statement = sql.statements.first, statement.range.lowerBound == start {
            end = min(end, statement.range.upperBound)
        }
        return start..<end
    }
}
