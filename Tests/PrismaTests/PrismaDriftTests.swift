import Core
import Linter
import RuleEngine
import Prisma
import Testing

/// `schema/migration-drift` for Prisma: the migrations replayed statically and compared with `schema.prisma`;
/// what either side could not read is never drift. Fixtures are written for these tests.
@Suite struct PrismaDriftTests {
    static let catalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])
    static let lock = "provider = \"postgresql\"\n"
    static let header = "datasource db {\n  provider = \"postgresql\"\n}\n\n"

    func findings(_ files: [String: String]) throws -> [(rule: String, path: String, text: String, message: String)] {
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(texts: files), configuration: Configuration(), configurationFile: nil, catalog: Self.catalog))
        return report.findings.map { located in
            let bytes = Array((files[located.finding.path] ?? "").utf8)
            let range = located.finding.range.clamped(to: 0..<bytes.count)
            return (located.finding.ruleID, located.finding.path, String(decoding: bytes[range], as: UTF8.self), located.finding.message)
        }
    }

    func drift(_ files: [String: String]) throws -> [String] {
        try findings(files).filter { $0.rule == "schema/migration-drift" }.map { "\($0.path): \($0.text)" }
    }

    static let initSQL = """
        CREATE TYPE "Plan" AS ENUM ('free', 'pro');
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL,
            "email" TEXT NOT NULL,
            "plan" "Plan" NOT NULL DEFAULT 'free',
            "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );
        CREATE TABLE "Post" (
            "id" SERIAL NOT NULL,
            "authorId" INTEGER NOT NULL,
            "title" VARCHAR(200) NOT NULL,
            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
        );
        CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
        CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """

    static let schema = header + """
        enum Plan {
          free
          pro
        }

        model User {
          id        Int      @id @default(autoincrement())
          email     String   @unique
          plan      Plan     @default(free)
          createdAt DateTime @default(now())
          posts     Post[]
        }

        model Post {
          id       Int    @id @default(autoincrement())
          authorId Int
          title    String @db.VarChar(200)
          author   User   @relation(fields: [authorId], references: [id])

          @@index([authorId])
        }
        """

    func repository(schema: String = Self.schema, migrations: [String] = [Self.initSQL]) -> [String: String] {
        var files = ["prisma/schema.prisma": schema, "prisma/migrations/migration_lock.toml": Self.lock]
        for (index, sql) in migrations.enumerated() {
            files["prisma/migrations/2024010100000\(index)_step\(index)/migration.sql"] = sql
        }
        return files
    }

    @Test func matchingSchemaAndMigrationsHaveNoDrift() throws {
        #expect(try drift(repository()) == [])
    }

    @Test func laterMigrationsAreFollowed() throws {
        // Renames, a type change, a dropped and re-created index, an enum value added, a column dropped: the
        // schema says the result.
        let later = """
            ALTER TABLE "Post" RENAME COLUMN "title" TO "headline";
            ALTER TABLE "Post" ALTER COLUMN "headline" SET DATA TYPE TEXT;
            ALTER TYPE "Plan" ADD VALUE 'team';
            ALTER TABLE "User" DROP COLUMN "createdAt";
            ALTER INDEX "User_email_key" RENAME TO "users_email_unique";
            """
        let schema = Self.schema
            .replacingOccurrences(of: "title    String @db.VarChar(200)", with: "headline String")
            .replacingOccurrences(of: "  pro\n", with: "  pro\n  team\n")
            .replacingOccurrences(of: "  createdAt DateTime @default(now())\n", with: "")
            .replacingOccurrences(of: "email     String   @unique", with: "email     String   @unique(map: \"users_email_unique\")")
        #expect(try drift(repository(schema: schema, migrations: [Self.initSQL, later])) == [])
    }

    @Test func eachKindOfDifferenceIsReportedInTheSchema() throws {
        let schema = Self.schema
            .replacingOccurrences(of: "title    String @db.VarChar(200)", with: "title    String? @db.VarChar(300)")
            .replacingOccurrences(of: "  @@index([authorId])\n", with: "  @@index([authorId])\n  @@index([title])\n")
            .replacingOccurrences(of: "  pro\n", with: "  pro\n  team\n")
        let found = try drift(repository(schema: schema))
        #expect(found.contains("prisma/schema.prisma: title    String? @db.VarChar(300)"), "\(found)")
        #expect(found.contains("prisma/schema.prisma: @@index([title])"), "\(found)")
        #expect(found.contains("prisma/schema.prisma: Plan"), "\(found)")
        #expect(found.count == 4, "type and nullability of `title`, the index, the enum values: \(found)")
    }

    @Test func foreignKeysAreNotComparedUnderRelationModePrisma() throws {
        let schema = Self.schema.replacingOccurrences(of: "provider = \"postgresql\"", with: "provider = \"postgresql\"\n  relationMode = \"prisma\"")
        let withoutKey = Self.initSQL.split(separator: "\n").filter { !$0.contains("FOREIGN KEY") }.joined(separator: "\n")
        #expect(try drift(repository(schema: schema, migrations: [withoutKey])) == [])
        // Without relationMode, the missing database foreign key is drift.
        #expect(try drift(repository(migrations: [withoutKey])) == ["prisma/schema.prisma: @relation(fields: [authorId], references: [id])"])
    }

    /// Bad input: a broken line gives a located `prisma/parse-error`, the rest of the file is still read (its
    /// other findings are there), and nothing the reader could not read becomes drift.
    @Test func brokenSchemaIsLocatedAndNeverDrift() throws {
        let broken = Self.schema
            .replacingOccurrences(of: "  plan      Plan     @default(free)\n", with: "  plan      Plan     @default(free\n")
            .replacingOccurrences(of: "title    String @db.VarChar(200)", with: "title    String @db.VarChar(200)\n  price    Float")
        let found = try findings(repository(schema: broken))
        let parseErrors = found.filter { $0.rule == "prisma/parse-error" }
        #expect(!parseErrors.isEmpty && parseErrors.allSatisfy { $0.path == "prisma/schema.prisma" && !$0.text.isEmpty }, "\(found.map(\.message))")
        #expect(found.contains { $0.rule == "schema/money-as-float" && $0.text == "Float" }, "the model after the broken line is still read")
        let drift = found.filter { $0.rule == "schema/migration-drift" }.map(\.text)
        // `price` is really new; the broken `User` model is not compared.
        #expect(drift == ["price    Float"], "\(drift)")
    }

    @Test func whatTheReplayCannotFollowIsNotDrift() throws {
        // A migration with a syntax error: the whole folder is uncompared.
        let broken = repository(schema: Self.schema + "\nmodel Extra {\n  id Int @id\n}\n", migrations: [Self.initSQL, "ALTER TABLE \"User\" ADD COLUMN;"])
        #expect(try drift(broken) == [])
        // A DO block changing `User`: that table is uncompared, the others are.
        let conditional = """
            DO $$ BEGIN
              ALTER TABLE "User" ADD COLUMN "nickname" TEXT;
            END $$;
            """
        let schema = Self.schema.replacingOccurrences(of: "title    String @db.VarChar(200)", with: "title    String @db.VarChar(200)\n  body     String")
        #expect(try drift(repository(schema: schema, migrations: [Self.initSQL, conditional])) == ["prisma/schema.prisma: body     String"])
        // A table moved to another schema: the replay follows the move, so `User` in `archive` is what the schema
        // declares, and `Post`'s key follows it there.
        let multiSchema = Self.schema
            .replacingOccurrences(of: "provider = \"postgresql\"", with: "provider = \"postgresql\"\n  schemas  = [\"public\", \"archive\"]")
            .replacingOccurrences(of: "  posts     Post[]\n", with: "  posts     Post[]\n\n  @@schema(\"archive\")\n")
            .replacingOccurrences(of: "  @@index([authorId])\n", with: "  @@index([authorId])\n  @@schema(\"public\")\n")
        let moved = #"CREATE SCHEMA "archive"; ALTER TABLE "User" SET SCHEMA "archive";"#
        #expect(try drift(repository(schema: multiSchema, migrations: [Self.initSQL, moved])) == [])
        // A schema that still has `User` in `public` after the move differs from the database.
        #expect(try !drift(repository(schema: Self.schema, migrations: [Self.initSQL, moved])).isEmpty)
        // Moving a type is not followed: the folder is left uncompared.
        let movedType = #"CREATE SCHEMA "archive"; CREATE TYPE "Mood" AS ENUM ('ok'); ALTER TYPE "Mood" SET SCHEMA "archive";"#
        #expect(try drift(repository(schema: Self.schema, migrations: [Self.initSQL, movedType])) == [])
    }

    /// A new user's repository with both ORMs: both schemas are read, and each finding names its schema file.
    @Test func drizzleAndPrismaSchemasSideBySide() throws {
        var files = repository(schema: Self.schema.replacingOccurrences(of: "title    String @db.VarChar(200)", with: "title    String @db.VarChar(200)\n  price    Float"),
                               migrations: [Self.initSQL + "\nALTER TABLE \"Post\" ADD COLUMN \"price\" DOUBLE PRECISION NOT NULL;"])
        files["src/db/schema.ts"] = """
            import { pgTable, serial, real } from 'drizzle-orm/pg-core';
            export const invoices = pgTable('invoices', {
              id: serial('id').primaryKey(),
              amount: real('amount').notNull(),
            });
            """
        let money = try findings(files).filter { $0.rule == "schema/money-as-float" }
        #expect(Set(money.map(\.path)) == ["src/db/schema.ts", "prisma/schema.prisma"], "\(money.map(\.message))")
        #expect(try drift(files) == [])
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// `migration_lock.toml` names the database Prisma Migrate wrote the folder for: only PostgreSQL folders are read.
@Suite struct PrismaLockTests {
    @Test func foldersOfAnotherDatabaseAreNotRead() throws {
        let files = [
            "prisma/migrations/migration_lock.toml": "# Please do not edit this file manually\nprovider = \"mysql\"\n",
            "prisma/migrations/20240101000000_init/migration.sql": "CREATE TABLE `users` (`id` INTEGER NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`));\n",
        ]
        let report = try Engine.run(LintRequest(
            source: MemoryFileSource(texts: files), configuration: Configuration(), configurationFile: nil, catalog: PrismaDriftTests.catalog))
        #expect(report.findings.map(\.finding.ruleID) == [], "MySQL SQL is not PostgreSQL's to judge")
        let postgres = files.merging(["prisma/migrations/migration_lock.toml": "provider = \"postgresql\"\n"]) { $1 }
        let judged = try Engine.run(LintRequest(
            source: MemoryFileSource(texts: postgres), configuration: Configuration(), configurationFile: nil, catalog: PrismaDriftTests.catalog))
        #expect(judged.findings.contains { $0.finding.ruleID == "migration/sql-syntax-error" }, "the same folder marked PostgreSQL is read")
    }
}
