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

    /// Parses a type's spelling; anything it does not recognise is kept as the name (never a guess). Works on the
    /// UTF-8 bytes: readers parse every column's type.
    public init(parsing spelling: String) {
        var text = ArraySlice(spelling.utf8)
        PgType.trimSpaces(&text)
        var dimensions = 0
        while text.last == UInt8(ascii: "]"), let open = text.lastIndex(of: UInt8(ascii: "[")) {
            dimensions += 1
            text = text[..<open]
            PgType.trimSpaces(&text)
        }
        var withTimeZone = false
        if PgType.dropSuffix(PgType.withZone, from: &text) {
            withTimeZone = true
        } else {
            _ = PgType.dropSuffix(PgType.withoutZone, from: &text)
        }
        PgType.trimSpaces(&text)
        var modifiers: [String] = []
        if text.last == UInt8(ascii: ")"), let open = text.firstIndex(of: UInt8(ascii: "(")) {
            modifiers = text[(open + 1)..<(text.endIndex - 1)].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { part in
                    var part = part
                    PgType.trimSpaces(&part)
                    return String(decoding: part, as: UTF8.self)
                }
            text = text[..<open]
            PgType.trimSpaces(&text)
        }
        var schema: String?
        var nameBytes = text
        if let dot = PgType.qualifierDot(in: text) {
            schema = PgType.unquoted(text[..<dot])
            nameBytes = text[(dot + 1)...]
        }
        let name = PgType.unquoted(nameBytes)
        // Built-in names are keywords, folded to lower case unless quoted; `"Date"` or `Date` (a Prisma enum) is
        // another type.
        let isQuoted = nameBytes.first == UInt8(ascii: "\"")
        let folded = isQuoted || !PgType.isOneCase(nameBytes) ? name : name.lowercased()
        if schema == nil || schema == "pg_catalog", let builtin = PgType.aliases[folded] {
            self.init(name: builtin.name, modifiers: modifiers, withTimeZone: withTimeZone || builtin.withTimeZone,
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

    private static let withZone = Array(" with time zone".utf8), withoutZone = Array(" without time zone".utf8)

    private static func trimSpaces(_ text: inout ArraySlice<UInt8>) {
        while text.first == UInt8(ascii: " ") { text.removeFirst() }
        while text.last == UInt8(ascii: " ") { text.removeLast() }
    }

    private static func dropSuffix(_ suffix: [UInt8], from text: inout ArraySlice<UInt8>) -> Bool {
        guard text.count >= suffix.count, text.suffix(suffix.count).elementsEqual(suffix) else { return false }
        text.removeLast(suffix.count)
        return true
    }

    /// No ASCII letters of both cases (`text`, `TEXT`): a keyword PostgreSQL folds to lower case.
    private static func isOneCase(_ name: ArraySlice<UInt8>) -> Bool {
        var upper = false, lower = false
        for byte in name {
            if byte >= 0x41 && byte <= 0x5A { upper = true } else if byte >= 0x61 && byte <= 0x7A { lower = true }
        }
        return !(upper && lower)
    }

    /// The `.` between a schema and a name, outside double quotes.
    private static func qualifierDot(in text: ArraySlice<UInt8>) -> Int? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ".") where !quoted: return index
            default: continue
            }
        }
        return nil
    }

    /// `"a""b"` → `a"b`; an unquoted name as it is.
    private static func unquoted(_ text: ArraySlice<UInt8>) -> String {
        let quote = UInt8(ascii: "\"")
        guard text.count >= 2, text.first == quote, text.last == quote else { return String(decoding: text, as: UTF8.self) }
        var bytes: [UInt8] = []
        var previousWasQuote = false
        for byte in text.dropFirst().dropLast() {
            if byte == quote && previousWasQuote { previousWasQuote = false; continue }
            previousWasQuote = byte == quote
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
