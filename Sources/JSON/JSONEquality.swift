/// JSON Schema equality (`const`, `enum`, `uniqueItems`): structural, ranges ignored, numbers by value
/// (`1 == 1.0`, but `1 != true`), objects as unordered maps.
extension JSONValue {
    public func isSchemaEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        // Code points, not Swift's canonical equivalence: "e\u{301}" and "é" are different JSON strings.
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.number(let a), .number(let b)):
            // Distinct doubles mean distinct decimals; equal doubles need the exact comparison.
            if a.double != b.double { return false }
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.isSchemaEqual(to: $1.value) }
        case (.object(let a), .object(let b)):
            let left = Self.lastValues(a)
            let right = Self.lastValues(b)
            guard left.count == right.count else { return false }
            return left.allSatisfy { key, value in right[key].map { value.isSchemaEqual(to: $0) } ?? false }
        default:
            return false
        }
    }

    private static func lastValues(_ members: [JSONMember]) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for member in members { values[member.key] = member.value.value }
        return values
    }

    /// Compact JSON text for messages, cut with `…` after about `limit` characters.
    public func compactText(limit: Int = 60) -> String {
        var text = ""
        appendCompact(to: &text, limit: limit)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    private func appendCompact(to text: inout String, limit: Int) {
        if text.utf8.count > limit * 4 { return }
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let number): text += number.literal
        case .string(let string): text += "\"" + string.jsonEscaped + "\""
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.value.appendCompact(to: &text, limit: limit)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text += "\"" + member.key.jsonEscaped + "\":"
                member.value.value.appendCompact(to: &text, limit: limit)
            }
            text += "}"
        }
    }
}

extension String {
    /// The string's characters escaped for a JSON string literal (without the quotes).
    public var jsonEscaped: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
