/// drizzle-kit's migration names: a number prefix (`0003`, or a `yyyyMMddHHmmss` timestamp) and a tag.
public enum MigrationName {
    /// The leading run of digits followed by `_` (or the whole name when it is all digits).
    public static func number(of name: String) -> String? {
        let digits = name.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty else { return nil }
        let rest = name.utf8.dropFirst(digits.count)
        guard rest.isEmpty || rest.first == UInt8(ascii: "_") else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The name without its number (`backfill` of `0003_backfill`): what stays when a migration is renumbered.
    public static func tag(of name: String) -> String {
        guard let number = number(of: name) else { return name }
        return String(name.dropFirst(number.count).drop { $0 == "_" })
    }
}
