import Foundation

/// PostgreSQL's `format_type` spelling → drizzle-kit's snapshot spelling.
enum TypeSpelling {
    static func drizzle(_ type: String) -> String {
        var base = type, suffix = ""
        while base.hasSuffix("[]") {
            base.removeLast(2)
            suffix += "[]"
        }
        let replacements: [(String, String)] = [
            ("character varying", "varchar"), ("character", "char"), (" without time zone", ""),
            ("bit varying", "varbit"),
        ]
        for (from, to) in replacements where base.hasPrefix(from) || base.contains(from) {
            base = base.replacingOccurrences(of: from, with: to)
        }
        return canonical(base) + suffix
    }

    /// One spelling for the texts drizzle-kit versions vary on: `timestamp (3)` = `timestamp(3)`, `numeric(10,2)` =
    /// `numeric(10, 2)`.
    static func canonical(_ type: String) -> String {
        type.replacingOccurrences(of: " (", with: "(").replacingOccurrences(of: ", ", with: ",")
    }

    /// PostgreSQL's internal names, which hand-written snapshots use: `timestamptz` is `timestamp with time zone`.
    static func alias(_ type: String) -> String {
        let aliases = ["timestamptz": "timestamp with time zone", "timetz": "time with time zone", "int4": "integer",
                       "int8": "bigint", "int2": "smallint", "bool": "boolean", "float8": "double precision", "float4": "real"]
        var base = type, suffix = ""
        while base.hasSuffix("[]") { base.removeLast(2); suffix += "[]" }
        return (aliases[base] ?? base) + suffix
    }

    /// The `serial` pseudo-type drizzle-kit writes for an integer column whose default is its owned sequence.
    static func serial(of type: String) -> String? {
        switch type {
        case "integer": return "serial"
        case "bigint": return "bigserial"
        case "smallint": return "smallserial"
        default: return nil
        }
    }
}

enum DefaultSpelling {
    /// PostgreSQL writes a literal default with its cast (`'usd'::text`, `'-1'::integer`); drizzle-kit writes the
    /// literal. The cast to the column's own type is dropped, and a quoted number of a numeric column unquoted.
    static func drizzle(_ text: String, columnType: String) -> String {
        let cast = "::" + columnType
        guard text.hasPrefix("'"), text.hasSuffix(cast) else { return text }
        let literal = String(text.dropLast(cast.count))
        guard literal.hasSuffix("'"), !literal.dropFirst().dropLast().contains("'") else { return text }
        let inner = literal.dropFirst().dropLast()
        let numericTypes: Set<String> = ["integer", "bigint", "smallint", "real", "double precision"]
        if numericTypes.contains(columnType), Double(inner) != nil { return String(inner) }
        return literal
    }
}

/// A JSON array of strings from a catalog query (`array_to_json(...)::text`).
enum JSONStrings {
    static func decode(_ text: String) -> [String] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else { return [] }
        return array.map { element in
            if let string = element as? String { return string }
            if let data = try? JSONSerialization.data(withJSONObject: element, options: [.fragmentsAllowed]) {
                return String(decoding: data, as: UTF8.self)
            }
            return ""
        }
    }
}
