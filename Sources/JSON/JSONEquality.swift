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

    /// A hash that agrees with `isSchemaEqual`: numbers by their double (equal decimals have equal doubles),
    /// object members in any order (the last of duplicate keys), so `uniqueItems` compares only items that
    /// hash alike instead of every pair.
    func schemaHash() -> Int {
        var hasher = Hasher()
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(1); hasher.combine(value)
        case .string(let value):
            hasher.combine(2)
            for byte in value.utf8 { hasher.combine(byte) }
        case .number(let value): hasher.combine(3); hasher.combine(value.double)
        case .array(let items):
            hasher.combine(4)
            for item in items { hasher.combine(item.value.schemaHash()) }
        case .object(let members):
            hasher.combine(5)
            var combined = 0
            for (key, value) in Self.lastValues(members) {
                var member = Hasher()
                member.combine(key)
                member.combine(value.schemaHash())
                combined &+= member.finalize()
            }
            hasher.combine(combined)
        }
        return hasher.finalize()
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
