import Catalog
import Drizzle

/// What a column is, judged from its type: shared by the rules that single out money, time and status columns.
extension Column {
    /// `timestamp`, `timestamp (3) with time zone`, `date`; not arrays.
    var isTimestamp: Bool { !isArray && (pgType.isTimestamp || pgType.name == "date") }

    /// `real` or `double precision`: binary floating point.
    var isFloatingPoint: Bool { !isArray && pgType.isFloatingPoint }

    /// `text`, `varchar(n)`, `char(n)` (not enum-typed and not arrays).
    var isFreeText: Bool {
        enumName == nil && !isArray && pgType.isCharacterString
    }
}

/// What a column's names say: the SQL name and the TypeScript key (or Prisma field name) it was declared under.
extension DeclaredColumn {
    /// The words of the SQL name and of the TypeScript key.
    var nameWords: [[String]] { NameWords.of(column: column.name, key: key) }

    /// A cheap test before splitting names into words: whether the SQL name or key ends with `suffix`, ignoring
    /// ASCII case (`userId`, `user_id`, `USERID` all end with `id`).
    func nameEnds(withLetters suffix: String) -> Bool {
        [column.name, key].contains { candidate in
            guard let candidate else { return false }
            let bytes = candidate.utf8, wanted = suffix.utf8
            guard bytes.count >= wanted.count else { return false }
            return zip(bytes.suffix(wanted.count), wanted).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
        }
    }

    /// Whether the name (SQL or key) ends with one of these words.
    func nameEnds(with words: Set<String>) -> Bool {
        nameWords.contains { $0.last.map(words.contains) ?? false }
    }

    /// How a column is called in messages: the TypeScript key when it differs from the SQL name.
    var displayName: String {
        guard let key, key != column.name else { return "`\(column.name)`" }
        return "`\(key)` (`\(column.name)`)"
    }
}
