import Core
import Linter
import RuleEngine
import Testing

/// `schema/missing-primary-key` on a table whose unique key over `NOT NULL` columns already addresses its rows: the
/// finding stands (logical replication still needs a primary key) but must not claim that rows cannot be
/// addressed, and its help turns that unique key into the primary key.
@Suite struct MissingPrimaryKeyWordingTests {
    static func findings(_ files: [String: String]) throws -> [Finding] {
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(files: files.mapValues { Array($0.utf8) }), configuration: Configuration(),
            configurationFile: nil, catalog: RuleExampleTests.catalog))
        return report.findings.map(\.finding).filter { $0.ruleID == "schema/missing-primary-key" }
    }

    @Test func aNotNullUniqueColumnIsNamedAsTheKeyToPromote() throws {
        let found = try Self.findings(["src/db/schema.ts": """
            import { pgTable, varchar, boolean } from 'drizzle-orm/pg-core';

            export const reservedHandles = pgTable('reserved_handles', {
              handle: varchar('handle', { length: 64 }).notNull().unique(),
              blocked: boolean('blocked').notNull(),
            });
            """])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("cannot be addressed") == false, "\(found)")
        #expect(found.first?.message.contains("`handle`") == true, "\(found)")
        #expect(found.first?.help == "make that key the primary key: `.primaryKey()` on `handle` in place of unique constraint `reserved_handles_handle_unique`")
    }

    @Test func aCompositeUniqueOfRequiredPrismaFieldsBecomesTheID() throws {
        let found = try Self.findings(["prisma/schema.prisma": """
            datasource db {
              provider = "postgresql"
            }

            model Seat {
              flightId Int
              riderId  Int
              note     String?

              @@unique([flightId, riderId])
            }
            """])
        #expect(found.count == 1)
        #expect(found.first?.help == "make the unique fields the primary key: `@@id([flightId, riderId])` in place of `@@unique([flightId, riderId])`")
    }

    @Test func aUniqueOverANullableColumnLeavesTheFindingAsItWas() throws {
        let found = try Self.findings(["src/db/schema.ts": """
            import { pgTable, text } from 'drizzle-orm/pg-core';

            export const aliases = pgTable('aliases', {
              alias: text('alias').unique(),
            });
            """])
        #expect(found.map(\.message) == ["table `aliases` has no primary key, so rows cannot be addressed one by one"])
    }
}
