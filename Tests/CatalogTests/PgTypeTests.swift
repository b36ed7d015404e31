import Catalog
import Testing

@Suite struct PgTypeTests {
    @Test func drizzleKitSpellingsParseIntoTypedFacts() {
        let stamp = PgType(parsing: "timestamp (3) with time zone")
        #expect(stamp == PgType(name: "timestamp", modifiers: ["3"], withTimeZone: true))
        #expect(PgType(parsing: "timestamp(6)") == PgType(name: "timestamp", modifiers: ["6"]))
        #expect(PgType(parsing: "numeric(10, 2)") == PgType(name: "numeric", modifiers: ["10", "2"]))
        #expect(PgType(parsing: "varchar(10)[3]") == PgType(name: "varchar", modifiers: ["10"], arrayDimensions: 1))
        #expect(PgType(parsing: "text[][]").arrayDimensions == 2)
        #expect(PgType(parsing: "geometry(point)") == PgType(name: "geometry", modifiers: ["point"]))
    }

    @Test func postgresSpellingsAndAliasesMeetDrizzleKitNames() {
        #expect(PgType(parsing: "timestamptz") == PgType(name: "timestamp", withTimeZone: true))
        #expect(PgType(parsing: "timestamp without time zone") == PgType(name: "timestamp"))
        #expect(PgType(parsing: "character varying(255)[]") == PgType(name: "varchar", modifiers: ["255"], arrayDimensions: 1))
        #expect(PgType(parsing: "pg_catalog.int8") == PgType(name: "bigint"))
        #expect(PgType(parsing: "float8").isFloatingPoint)
        #expect(PgType(parsing: "TEXT").isCharacterString)
    }

    @Test func userTypesKeepTheirNameCaseAndSchema() {
        #expect(PgType(parsing: "\"app\".\"Status\"") == PgType(name: "Status", schema: "app"))
        #expect(PgType(parsing: "Date") == PgType(name: "Date"), "a mixed-case name is a user type (a Prisma enum)")
        #expect(!PgType(parsing: "timestamp_kind").isTimestamp, "an enum whose name starts like a built-in type")
        #expect(PgType(parsing: "auth.role").schema == "auth")
    }

    @Test func columnsParseTheirTypeWhenSet() {
        var column = Column(name: "at", type: "timestamp")
        #expect(!column.pgType.withTimeZone)
        column.type = "timestamp with time zone"
        #expect(column.pgType.withTimeZone)
    }
}
