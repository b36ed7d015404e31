import Core
import Foundation

/// JavaScript's text forms of values: `String(number)` and `JSON.stringify`, which drizzle-kit uses when it
/// renders defaults.
enum JavaScriptText {
    /// `String(n)`: JavaScript's Number-to-String (ECMA-262 Number::toString): the shortest digits that round-trip,
    /// written out up to 21 integer digits (`9223372036854776000`), in exponent form beyond.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if value < 0 { return "-" + number(-value) }
        // Swift's description also prints the shortest round-tripping digits; only the layout differs.
        let (digits, exponent) = shortestDigits(value)
        let k = digits.count, n = exponent
        if k <= n && n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            return String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        let power = n - 1
        return mantissa + "e" + (power < 0 ? "-" : "+") + String(abs(power))
    }

    /// The significant digits of a positive finite number and the exponent `n` with value = 0.digits × 10^n.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = "\(value)"
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var pointPosition = integer.count + exponent
        while digits.hasPrefix("0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, pointPosition)
    }

    /// The exact digits of a decimal integer literal (`9223372036854775807`, `1_000`), when it is one.
    static func integerDigits(_ literal: String) -> String? {
        let digits = literal.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// `JSON.stringify(value)`; nil for values it cannot know.
    static func json(_ value: Value) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.isFinite ? Self.number(number) : "null"
        case .string(let text): return OrderedJSON.quoted(text)
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                switch element {
                case .undefined, .function: parts.append("null")
                default:
                    guard let text = json(element) else { return nil }
                    parts.append(text)
                }
            }
            return "[" + parts.joined(separator: ",") + "]"
        case .object(let object):
            var parts: [String] = []
            for property in object.properties {
                if case .undefined = property.value { continue }
                if case .function = property.value { continue }
                guard let text = json(property.value) else { return nil }
                parts.append(OrderedJSON.quoted(property.key) + ":" + text)
            }
            return "{" + parts.joined(separator: ",") + "}"
        default:
            return nil
        }
    }
}
