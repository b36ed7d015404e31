import JSON

/// Recognises the fields that make an object a timestamped record: names such as `timestamp`, `createdAt`,
/// `processed_at`, `eventTime`, `date`, schema properties with `format: date-time`/`date`, and ISO 8601 values.
enum TimestampFields {
    static let lastWords: Set<String> = ["timestamp", "at", "time", "date", "datetime", "ts", "when", "occurred", "created", "updated"]

    static func isTimestampName(_ key: String) -> Bool {
        guard let last = KeyWords.words(key).last else { return false }
        return lastWords.contains(last)
    }

    /// An object schema with a property that holds a point in time.
    static func describesRecord(_ schema: JSONNode) -> String? {
        for member in schema["properties"]?.objectMembers ?? [] {
            let format = member.value["format"]?.stringValue
            if isTimestampName(member.key) || format == "date-time" || format == "date" { return member.key }
        }
        return nil
    }

    /// A data object with a timestamp-like key or an ISO 8601 date-time value.
    static func isRecord(_ node: JSONNode) -> Bool {
        guard let members = node.objectMembers else { return false }
        return members.contains { member in
            if isTimestampName(member.key) { return true }
            if let text = member.value.stringValue { return looksLikeDateTime(text) }
            return false
        }
    }

    /// `2026-11-24T08:00…` (date, `T` or space, hours and minutes), checked on bytes.
    static func looksLikeDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(16))
        guard bytes.count == 16 else { return false }
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]
        return digitsAt.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "))
            && bytes[13] == UInt8(ascii: ":")
    }
}
