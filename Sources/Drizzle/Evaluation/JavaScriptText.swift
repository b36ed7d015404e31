import Core
import Foundation

/// JavaScript's text forms of values: `String(number)` and `JSON.stringify`, which drizzle-kit uses when it
/// renders defaults.
enum JavaScriptText {
    /// `String(n)` for the numbers schemas use (integers print without `.0`; others in shortest round-trip form).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e21 {
            return String(format: "%.0f", value)
        }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
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
