import Drizzle

/// Guesses which table an id-like column points at from its name: `userId`, `user_id` → a table
/// `users`/`user`; `team_member_id` → `team_members`. Only tables of the same schema model are candidates, so a
/// `userId` holding a Clerk or Auth0 id in a schema without a users table names nothing.
struct ForeignKeyTargets {
    private var tablesByWords: [[String]: Table] = [:]

    init(_ model: SchemaModel) {
        for table in model.tables {
            for name in [table.name, table.variableName].compactMap({ $0 }) {
                let words = NameWords.split(name)
                guard let last = words.last else { continue }
                let singular = Array(words.dropLast()) + [NameWords.singular(last)]
                for key in [words, singular] where tablesByWords[key] == nil { tablesByWords[key] = table }
            }
        }
    }

    /// The table a column's name points at, if its name is `<table words>` + `id`.
    func table(namedBy column: Column) -> Table? {
        for words in column.nameWords where words.count > 1 && words.last == "id" {
            if let table = tablesByWords[Array(words.dropLast())] { return table }
        }
        return nil
    }
}

/// The single-column primary key of a table, if it has one.
extension Table {
    var singlePrimaryKey: Column? {
        let flagged = columns.filter(\.primaryKey)
        if flagged.count == 1 { return flagged[0] }
        if flagged.isEmpty, compositePrimaryKeys.count == 1, let only = compositePrimaryKeys[0].columns.first,
           compositePrimaryKeys[0].columns.count == 1 {
            return column(named: only)
        }
        return nil
    }

    /// The `table.column`s that a foreign key over exactly these columns points at; nil when none does.
    func referencedKeys(of columnsFrom: [String]) -> [String]? {
        foreignKeys.first { Set($0.columnsFrom) == Set(columnsFrom) }.map { key in key.columnsTo.map { "\(key.tableTo).\($0)" } }
    }

    /// Whether a foreign key of this table starts with these columns (in any order) and targets `tableTo`.
    func hasForeignKey(from columnsFrom: [String], to tableTo: String? = nil) -> Bool {
        foreignKeys.contains { key in
            Set(key.columnsFrom) == Set(columnsFrom) && (tableTo.map { $0 == key.tableTo } ?? true)
        }
    }
}

/// Column types that can reference each other: the same family of storage (`text` and `varchar`, `integer` and
/// `serial`), not the exact spelling.
enum KeyTypeFamily: Equatable {
    case text, integer, uuid, other(String)

    init(_ type: String) {
        if type == "text" || type.hasPrefix("varchar") || type.hasPrefix("char") {
            self = .text
        } else if ["integer", "serial", "smallint", "smallserial", "bigint", "bigserial"].contains(type) {
            self = .integer
        } else if type == "uuid" {
            self = .uuid
        } else {
            self = .other(type)
        }
    }
}
