import Catalog
import Testing

@Suite struct PgTypeMemoTests {
    /// Spellings whose parse depends on more than the name: arrays, time zones, modifiers, quotes, schemas, case,
    /// spaces.
    static let trickySpellings = [
        "text", "TEXT", "Text", "uuid", "integer[]", "text[][]", "varchar(10)[3]", "character varying(10)[]",
        "double precision", "double precision[]", "timestamp(3) with time zone", "timestamp (3) with time zone",
        "timestamp with time zone", "timestamp without time zone", "timestamptz", "timetz[]", "numeric(10, 2)",
        "numeric( 10 ,2 )", "  varchar(255)  ", "varchar (255)", "pg_catalog.int8", "public.status", "auth.role",
        "\"app\".\"Status\"", "\"Status\"", "\"a\"\"b\"", "\"text\"", "Date", "\"my.schema\".kind", "geometry(point)",
        "bit varying(5)", "CHARACTER VARYING(20)", "int4 []", "",
    ]

    @Test(arguments: trickySpellings)
    func theMemoGivesWhatParsingGives(spelling: String) {
        var memo = PgTypeMemo()
        #expect(memo.type(parsing: spelling) == PgType(parsing: spelling))
        #expect(memo.type(parsing: spelling) == PgType(parsing: spelling), "remembered")
    }

    @Test func eachSpellingKeepsItsOwnEntry() {
        var memo = PgTypeMemo()
        for spelling in Self.trickySpellings { _ = memo.type(parsing: spelling) }
        for spelling in Self.trickySpellings.reversed() {
            #expect(memo.type(parsing: spelling) == PgType(parsing: spelling), "\(spelling)")
        }
    }

    @Test func canonicallyEquivalentSpellingsAreParsedApart() {
        // Equal as Swift strings (é composed, and e + combining acute), different bytes: the parser keeps the name's
        // bytes, so a memo keyed by string equality would give the second the first's name.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        var memo = PgTypeMemo()
        _ = memo.type(parsing: composed)
        #expect(Array(memo.type(parsing: decomposed).name.utf8) == Array(PgType(parsing: decomposed).name.utf8))
    }

    @Test func columnsTypedThroughTheMemoEqualColumnsThatParse() {
        var memo = PgTypeMemo()
        var column = Column(name: "at", type: "timestamp(3)", types: &memo, notNull: true)
        #expect(column == Column(name: "at", type: "timestamp(3)", notNull: true))
        column.setType("timestamp with time zone", using: &memo)
        #expect(column.pgType == PgType(name: "timestamp", withTimeZone: true))
        #expect(column == Column(name: "at", type: "timestamp with time zone", notNull: true))
    }
}
