import JSON

/// Lenient accessors for snapshot fields: a missing or mistyped field reads as absent rather than failing the
/// whole snapshot (older drizzle-kit versions omit fields that newer ones write).
extension JSONNode {
    func string(_ key: String) -> String? { self[key]?.stringValue }
    func bool(_ key: String) -> Bool? { self[key]?.boolValue }
    func strings(_ key: String) -> [String] { self[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    func members(_ key: String) -> [JSONMember] { self[key]?.objectMembers ?? [] }

    /// A string or number field as text (identity options are strings in v7 but numbers in v8).
    func text(_ key: String) -> String? {
        guard let node = self[key] else { return nil }
        if let string = node.stringValue { return string }
        if let number = node.numberValue { return number.literal }
        return nil
    }
}

extension JSONMember {
    /// From the key's opening quote to the end of the value: the whole entry.
    var entryRange: Range<Int> { keyRange.lowerBound..<max(keyRange.upperBound, value.range.upperBound) }
}
