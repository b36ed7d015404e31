/// A JSON number that keeps its source literal so that decisions can be exact (`multipleOf`, equality of
/// huge or very precise numbers). Equality is numeric: `1`, `1.0` and `1e0` are equal.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number's text as written, e.g. `1.50e3`.
    public var literal: String
    /// Mathematically an integer, as JSON Schema defines it: `1.0` and `1e2` are integers, `1.5` is not.
    public var isInteger: Bool
    /// The nearest double (±infinity when the literal overflows).
    public var double: Double

    /// Builds a number from a literal that follows the JSON grammar; nil otherwise.
    public init?(literal: String) {
        guard let exact = ExactDecimal(literal: literal.utf8) else { return nil }
        self.init(literal: literal, isInteger: exact.isInteger, double: Double(literal) ?? .nan)
    }

    public init(_ integer: Int) {
        self.init(literal: String(integer), isInteger: true, double: Double(integer))
    }

    init(literal: String, isInteger: Bool, double: Double) {
        self.literal = literal
        self.isInteger = isInteger
        self.double = double
    }

    /// The exact value; literals always parse because the reader and `init?(literal:)` checked them.
    var exact: ExactDecimal { ExactDecimal(literal: literal.utf8) ?? .zero }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard isInteger, double.magnitude < 9.0e15 else { return nil }
        return Int(double)
    }

    public var description: String { literal }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.literal == rhs.literal || lhs.exact == rhs.exact
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(exact) }

    /// Exact comparison (no rounding through doubles).
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.exact < rhs.exact }

    /// True when `self / divisor` is an integer, decided with decimal arithmetic on the literals:
    /// `0.0075` is a multiple of `0.0001`, `1e308` is not a multiple of `0.123456789`.
    public func isMultiple(of divisor: JSONNumber) -> Bool { exact.isMultiple(of: divisor.exact) }
}
