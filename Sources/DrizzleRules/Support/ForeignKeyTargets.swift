import Catalog
import Drizzle

/// Guesses which table an id-like column points at from its name: `userId`, `user_id` → a table
/// `users`/`user`; `team_member_id` → `team_members`. Only the tables' SQL names count (never a TypeScript
/// variable or another table's column), with a prefix that most tables of the schema share dropped (`mail0_user`,
/// `gf_posts`) and a trailing `table` (`user_table`). Only tables of the same schema model are candidates, so a
/// `userId` holding a Clerk or Auth0 id in a schema without a users table names nothing.
struct ForeignKeyTargets {
    private var tablesByWords: [[String]: DeclaredTable] = [:]

    init(_ tables: [DeclaredTable]) {
        let prefix = Self.sharedPrefix(tables)
        // Full names first, so `user_profile` wins over `profile` with a shared prefix `user` dropped.
        for shortened in [false, true] {
            for table in tables {
                var words = NameWords.split(table.name)
                if words.count > 1, words.last == "table" || words.last == "tbl" { words.removeLast() }
                if shortened {
                    guard words.count > 1, words.first == prefix else { continue }
                    words.removeFirst()
                }
                guard let last = words.last else { continue }
                let singular = Array(words.dropLast()) + [NameWords.singular(last)]
                for key in [words, singular] where tablesByWords[key] == nil { tablesByWords[key] = table }
            }
        }
    }

    /// The table a column's name points at, if its name is `<table words>` + `id`.
    func table(namedBy column: DeclaredColumn) -> DeclaredTable? {
        for words in column.nameWords where words.count > 1 && words.last == "id" {
            if let table = tablesByWords[Array(words.dropLast())] { return table }
        }
        return nil
    }

    /// The first word of most table names, when at least half of several tables share it (`mail0_`, `gf_`): an
    /// application prefix, not part of what the table holds.
    private static func sharedPrefix(_ tables: [DeclaredTable]) -> String? {
        guard tables.count >= 3 else { return nil }
        let firsts = tables.compactMap { table -> String? in
            let words = NameWords.split(table.name)
            return words.count > 1 ? words[0] : nil
        }
        let counts = Dictionary(firsts.map { ($0, 1) }, uniquingKeysWith: +)
        guard let (word, count) = counts.max(by: { $0.value < $1.value }), count * 2 >= tables.count else { return nil }
        return word
    }
}

/// The single-column primary key of a table, if it has one.
extension DeclaredTable {
    var singlePrimaryKey: DeclaredColumn? {
        let flagged = columns.filter(\.primaryKey)
        if flagged.count == 1 { return flagged[0] }
        let keys = table.compositePrimaryKeys
        if flagged.isEmpty, keys.count == 1, let only = keys[0].columns.first, keys[0].columns.count == 1 {
            return column(named: only)
        }
        return nil
    }

    /// The `table.column`s that a foreign key over exactly these columns points at; nil when none does.
    func referencedKeys(of columnsFrom: [String]) -> [String]? {
        table.foreignKeys.first { Set($0.columnsFrom) == Set(columnsFrom) }.map { key in key.columnsTo.map { "\(key.tableTo).\($0)" } }
    }

    /// Whether a foreign key of this table to `tableTo` maps each of `columnsFrom` to the column of `columnsTo` at
    /// the same position, among other columns it may hold.
    func hasForeignKey(pairing columnsFrom: [String], with columnsTo: [String], to tableTo: String) -> Bool {
        table.foreignKeys.contains { key in
            key.tableTo == tableTo && zip(columnsFrom, columnsTo).allSatisfy { from, to in
                zip(key.columnsFrom, key.columnsTo).contains { $0 == (from, to) }
            }
        }
    }

    /// Whether a foreign key of this table has exactly these columns (in any order) and targets `tableTo`.
    func hasForeignKey(from columnsFrom: [String], to tableTo: String? = nil) -> Bool {
        table.foreignKeys.contains { key in
            Set(key.columnsFrom) == Set(columnsFrom) && (tableTo.map { $0 == key.tableTo } ?? true)
        }
    }
}

/// Column types that can reference each other: the same family of storage (`text` and `varchar`, `integer` and
/// `serial`), not the exact spelling.
enum KeyTypeFamily: Equatable {
    case text, integer, uuid, other(String)

    init(_ type: PgType) {
        if type.isArray {
            self = .other(type.description)
        } else if type.isCharacterString {
            self = .text
        } else if ["integer", "serial", "smallint", "smallserial", "bigint", "bigserial"].contains(type.name) {
            self = .integer
        } else if type.name == "uuid" {
            self = .uuid
        } else {
            self = .other(type.description)
        }
    }
}
