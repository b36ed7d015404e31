/// A PostgreSQL type, parsed once from the spelling a reader found (drizzle-kit's `timestamp (3) with time zone`,
/// `format_type`'s `character varying(255)[]`, a hand-written snapshot's `timestamptz`, an enum's name), so that
/// rules read typed facts instead of testing text.
public struct PgType: Sendable, Hashable, CustomStringConvertible {
    /// The base type: a built-in in `format_type`'s spelling with drizzle-kit's short names (`integer`, `bigint`,
    /// `double precision`, `boolean`, `varchar`, `char`, `timestamp`, `time`, `numeric`), or another type's name
    /// as written (an enum, a domain, an extension's type: case kept).
    public var name: String
    /// The schema when the spelling qualifies the name (`auth.role`, `"app"."status"`).
    public var schema: String?
    /// The type modifiers as written: a length, a precision, `10` and `2` of `numeric(10, 2)`, `point` of
    /// `geometry(point)`.
    public var modifiers: [String]
    /// `with time zone` (`timestamptz`, `timetz`).
    public var withTimeZone: Bool
    /// `integer[]` has one, `text[][]` two (`varchar(10)[3]` one: PostgreSQL ignores the size).
    public var arrayDimensions: Int

    public init(name: String, schema: String? = nil, modifiers: [String] = [], withTimeZone: Bool = false,
                arrayDimensions: Int = 0) {
        self.name = name
        self.schema = schema
        self.modifiers = modifiers
        self.withTimeZone = withTimeZone
        self.arrayDimensions = arrayDimensions
    }

    /// Parses a type's spelling; anything it does not recognise is kept as the name (never a guess).
    public init(parsing spelling: String) {
        var text = Substring(spelling).trimmingSpaces
        var dimensions = 0
        while text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
            dimensions += 1
            text = text[..<open].trimmingSpaces
        }
        var withTimeZone = false
        for (suffix, zone) in [(" with time zone", true), (" without time zone", false)] where text.hasSuffix(suffix) {
            withTimeZone = zone
            text = text.dropLast(suffix.count).trimmingSpaces
        }
        var modifiers: [String] = []
        if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
            modifiers = text[text.index(after: open)..<text.index(before: text.endIndex)]
                .split(separator: ",").map { String($0.trimmingSpaces) }
            text = text[..<open].trimmingSpaces
        }
        var schema: String?
        var nameText = text
        if let dot = PgType.qualifierDot(in: text) {
            schema = PgType.unquoted(text[..<dot])
            nameText = text[text.index(after: dot)...]
        }
        let name = PgType.unquoted(nameText)
        // Built-in names are keywords, folded to lower case unless quoted; `"Date"` or `Date` (a Prisma enum) is
        // another type.
        let folded = nameText.hasPrefix("\"") || !PgType.isOneCase(name) ? name : name.lowercased()
        if schema == nil || schema == "pg_catalog", let builtin = PgType.aliases[folded] {
            schema = nil
            withTimeZone = withTimeZone || builtin.withTimeZone
            self.init(name: builtin.name, schema: schema, modifiers: modifiers, withTimeZone: withTimeZone,
                      arrayDimensions: dimensions)
            return
        }
        self.init(name: name, schema: schema, modifiers: modifiers, withTimeZone: withTimeZone,
                  arrayDimensions: dimensions)
    }

    /// `timestamp` or `timestamp with time zone` (any precision, arrays included).
    public var isTimestamp: Bool { name == "timestamp" }
    /// `real` or `double precision`: binary floating point.
    public var isFloatingPoint: Bool { name == "real" || name == "double precision" }
    /// `text`, `varchar`, `char` of any length.
    public var isCharacterString: Bool { name == "text" || name == "varchar" || name == "char" }
    public var isArray: Bool { arrayDimensions > 0 }

    /// The element type of an array type (itself for other types).
    public var element: PgType {
        var element = self
        element.arrayDimensions = 0
        return element
    }

    /// A normalised spelling, for messages and debugging (readers keep the spelling they read).
    public var description: String {
        var text = schema.map { "\($0)." } ?? ""
        text += name
        if !modifiers.isEmpty { text += "(" + modifiers.joined(separator: ",") + ")" }
        if withTimeZone { text += " with time zone" }
        return text + String(repeating: "[]", count: arrayDimensions)
    }

    /// Built-in spellings → one name each: PostgreSQL's internal names, SQL's long names and drizzle-kit's.
    private static let aliases: [String: (name: String, withTimeZone: Bool)] = {
        var table: [String: (name: String, withTimeZone: Bool)] = [
            "timestamptz": ("timestamp", true), "timetz": ("time", true),
            "int": ("integer", false), "int4": ("integer", false), "int8": ("bigint", false),
            "int2": ("smallint", false), "float4": ("real", false), "float8": ("double precision", false),
            "bool": ("boolean", false), "character varying": ("varchar", false), "character": ("char", false),
            "bpchar": ("char", false), "decimal": ("numeric", false), "serial4": ("serial", false),
            "serial8": ("bigserial", false), "serial2": ("smallserial", false), "varbit": ("bit varying", false),
        ]
        for name in ["integer", "bigint", "smallint", "real", "double precision", "boolean", "varchar", "char",
                     "text", "numeric", "timestamp", "time", "date", "interval", "uuid", "json", "jsonb", "serial",
                     "bigserial", "smallserial", "bit", "bit varying", "bytea", "inet", "cidr", "macaddr",
                     "macaddr8", "money", "xml", "citext", "point", "line"] {
            table[name] = (name, false)
        }
        return table
    }()

    /// No ASCII letters of both cases (`text`, `TEXT`): a keyword PostgreSQL folds to lower case.
    private static func isOneCase(_ name: String) -> Bool {
        var upper = false, lower = false
        for byte in name.utf8 {
            if byte >= 0x41 && byte <= 0x5A { upper = true } else if byte >= 0x61 && byte <= 0x7A { lower = true }
        }
        return !(upper && lower)
    }

    /// The `.` between a schema and a name, outside double quotes.
    private static func qualifierDot(in text: Substring) -> Substring.Index? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "." where !quoted: return index
            default: continue
            }
        }
        return nil
    }

    private static func unquoted(_ text: Substring) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return String(text) }
        return text.dropFirst().dropLast().split(separator: "\"\"", omittingEmptySubsequences: false).joined(separator: "\"")
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
