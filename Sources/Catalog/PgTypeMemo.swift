/// `PgType(parsing:)` remembered by spelling, for a reader that parses many columns: a migration folder spells its
/// thousands of columns' types in a few dozen ways (`text`, `uuid`, `varchar(255)`, `timestamp with time zone`), and
/// looking a spelling up costs a fraction of parsing it. A value each reader owns (the replay runs on one thread), so
/// no lock.
public struct PgTypeMemo: Sendable {
    private var parsed: [String: PgType] = [:]

    public init() {}

    /// Exactly `PgType(parsing: spelling)`.
    public mutating func type(parsing spelling: String) -> PgType {
        // `String` equality is canonical equivalence while the parser reads bytes: two spellings of an enum's name
        // that differ only in Unicode normalisation would share an entry, so only ASCII spellings (all of SQL's) are
        // remembered.
        guard spelling.utf8.allSatisfy({ $0 < 0x80 }) else { return PgType(parsing: spelling) }
        if let type = parsed[spelling] { return type }
        let type = PgType(parsing: spelling)
        parsed[spelling] = type
        return type
    }
}
