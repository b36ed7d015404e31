import Catalog
import SQL
import SQLReplay

extension TableLookup {
    /// Whether `table` has a column of type `type` (an enum, by name with or without `public.`).
    func hasColumn(ofType type: String, in table: QualifiedName) -> Bool {
        self.table(table)?.columns.contains { TypeChangeRewrite.sameType($0.type, type) || TypeChangeRewrite.sameType($0.type, type + "[]") } ?? false
    }
}

/// Whether `ALTER COLUMN … SET DATA TYPE` rewrites the table.
///
/// PostgreSQL documentation, ALTER TABLE, "Notes": changing a column's type rewrites the table and its indexes,
/// except that "when changing the type of an existing column, if the USING clause does not change the column
/// contents and the old type is either binary coercible to the new type or an unconstrained domain over the new
/// type, a table rewrite is not needed". Since PostgreSQL 9.2 that includes raising or removing a `varchar`
/// (or `varbit`) length limit, raising or removing a `numeric` precision at the same scale, and raising a
/// `timestamp` precision (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
/// `timestamp` → `timestamptz` is skipped only when the session's TimeZone is UTC, which a migration cannot
/// promise, so it counts as a rewrite.
enum TypeChangeRewrite {
    /// A type as `TypeNameFormatter` writes it, split into its name and numeric modifiers:
    /// `varchar(255)` → (`varchar`, [255]); `timestamp(3) with time zone` → (`timestamp with time zone`, [3]).
    struct SQLType: Equatable {
        var name: String
        var modifiers: [Int]

        init?(_ text: String) {
            // Searched as UTF-8 bytes: `Character` searches made this a tenth of checking a migration of type changes.
            let utf8 = text.utf8
            guard let open = utf8.firstIndex(of: UInt8(ascii: "(")) else {
                name = text
                modifiers = []
                return
            }
            guard let close = utf8[open...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
            let numbers = utf8[utf8.index(after: open)..<close].split(separator: UInt8(ascii: ",")).map { Int(String(decoding: $0, as: UTF8.self)) }
            guard !numbers.contains(nil) else { return nil }
            name = String(text[..<open]) + String(text[utf8.index(after: close)...])
            modifiers = numbers.compactMap { $0 }
        }
    }

    /// What the type modifiers (old, new) must satisfy for a change to skip the rewrite.
    private enum Modifiers {
        case any
        /// The new type has no limit (`text` → `varchar`).
        case unlimited
        /// No limit now, or one at least as high as before (`varchar(64)` → `varchar(255)`).
        case limitNotLowered
        /// `numeric(p, s)` → `numeric(p2, s)` with `p2 ≥ p`, or → `numeric`.
        case precisionNotLoweredSameScale

        func allow(_ old: [Int], _ new: [Int]) -> Bool {
            switch self {
            case .any: true
            case .unlimited: new.isEmpty
            case .limitNotLowered: new.isEmpty || (old.count == 1 && new.count == 1 && new[0] >= old[0])
            case .precisionNotLoweredSameScale:
                new.isEmpty || (!old.isEmpty && old.count == new.count && new[0] >= old[0] && old.dropFirst().elementsEqual(new.dropFirst()))
            }
        }
    }

    /// Old type → new type changes that PostgreSQL makes without a rewrite, by type name.
    private static let binaryCoercible: [(from: String, to: String, modifiers: Modifiers)] = [
        ("varchar", "text", .any),
        ("text", "varchar", .unlimited),
        ("varchar", "varchar", .limitNotLowered),
        ("bit varying", "bit varying", .limitNotLowered),
        ("numeric", "numeric", .precisionNotLoweredSameScale),
        ("timestamp", "timestamp", .limitNotLowered),
        ("timestamp with time zone", "timestamp with time zone", .limitNotLowered),
        ("cidr", "inet", .any),
    ]

    enum Verdict {
        /// Binary coercible, or the same type: no rewrite, and every stored value still fits.
        case noRewrite
        case rewrite
        /// `timestamp` → `timestamp with time zone`: skipped only when the session's TimeZone is UTC.
        case rewriteUnlessUTC
        /// The old type is not known from the migrations.
        case unknown
    }

    static func verdict(from oldType: String?, to change: ColumnTypeChange) -> Verdict {
        guard let oldType else { return .unknown }
        guard change.convertsByCast else { return .rewrite }
        if sameType(oldType, change.typeName) { return .noRewrite }
        guard let old = SQLType(oldType), let new = SQLType(change.typeName) else { return .rewrite }
        if binaryCoercible.contains(where: { $0.from == old.name && $0.to == new.name && $0.modifiers.allow(old.modifiers, new.modifiers) }) {
            return .noRewrite
        }
        return old.name == "timestamp" && new.name == "timestamp with time zone" ? .rewriteUnlessUTC : .rewrite
    }

    /// Migrations create types in `public` and name them with or without it (`"public"."status"`, `"status"`).
    static func sameType(_ first: String, _ second: String) -> Bool {
        func unqualified(_ type: String) -> Substring { type.hasPrefix("public.") ? type.dropFirst("public.".count) : Substring(type) }
        return unqualified(first) == unqualified(second)
    }
}
