import Catalog
import Foundation

/// Renders a column default the way drizzle-kit writes it into a snapshot.
struct DefaultRenderer {
    let convention: NamingConvention

    /// `sqlType` is the column's full type (`text[]`, `jsonb`); nil when the value cannot be written.
    func render(_ value: Value, sqlType: String) -> ColumnDefault? {
        let type = sqlType.lowercased()
        let isArrayType = type.hasSuffix("]")
        switch value {
        case .string(let text):
            return .sql("'" + text.replacingOccurrences(of: "'", with: "''") + "'")
        case .bool(let flag):
            return convention == .kit1 ? .sql(flag ? "true" : "false") : ColumnDefault(.boolean, flag ? "true" : "false")
        case .number(let number):
            let text = JavaScriptText.number(number)
            return convention == .kit1 ? .sql(text) : ColumnDefault(.number, text)
        case .bigint(let digits):
            return convention == .kit1 ? .sql(digits) : ColumnDefault(.number, digits)
        case .array(let elements) where isArrayType:
            if convention == .kit1, elements.isEmpty { return .sql("'{}'") }
            return Self.arrayLiteral(elements).map { .sql("'\($0)'") }
        case .array, .object, .null:
            // `json('x').default(null)` is drizzle-kit's `'null'::json` like any other JSON value.
            guard type == "json" || type == "jsonb", let json = JavaScriptText.json(value) else { return nil }
            if convention == .kit1 { return .sql("'" + json.replacingOccurrences(of: "'", with: "''") + "'") }
            return .sql("'\(json)'::\(type)")
        default:
            return nil
        }
    }

    /// drizzle-kit's PostgreSQL array literal: `{1,2}`, `{"a","b"}`, nested arrays, objects as quoted JSON.
    static func arrayLiteral(_ elements: [Value]) -> String? {
        var parts: [String] = []
        for element in elements {
            switch element {
            case .number(let number): parts.append(JavaScriptText.number(number))
            case .bigint(let digits): parts.append(digits)
            case .bool(let flag): parts.append(flag ? "true" : "false")
            case .array(let nested):
                guard let text = arrayLiteral(nested) else { return nil }
                parts.append(text)
            case .object:
                guard let json = JavaScriptText.json(element) else { return nil }
                parts.append("\"" + json.replacingOccurrences(of: "\"", with: "\\\"") + "\"")
            case .string(let text): parts.append("\"\(text)\"")
            default: return nil
            }
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// drizzle-kit 1 drops a trailing cast from SQL defaults (`'{}'::jsonb` → `'{}'`).
    func finishSQL(_ text: String) -> String {
        guard convention == .kit1 else { return text }
        var result = text.hasSuffix("[]") ? String(text.dropLast(2)) : text
        while let cast = result.range(of: "::", options: .backwards) {
            let suffix = result[cast.upperBound...]
            let allowed = suffix.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "\"" || $0 == "." || $0 == " "
                || $0 == "(" || $0 == ")" || $0 == "," || $0 == "[" || $0 == "]" }
            guard allowed, !suffix.isEmpty else { break }
            result = String(result[..<cast.lowerBound])
        }
        return result
    }
}
