import Drizzle
import Prisma
import Testing

@Suite struct PrismaParserTests {
    func parse(_ text: String) -> PrismaFileSyntax { PrismaParser.parse(Array(text.utf8)) }

    func text(_ source: String, _ range: Range<Int>) -> String {
        String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    @Test func readsBlocksFieldsAndAttributesWithRanges() {
        let source = """
        datasource db {
          provider     = "postgresql"
          url          = env("DATABASE_URL")
          relationMode = "prisma"
        }

        /// Someone who signs in.
        model User {
          id    String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
          tags  String[]
          bio   String?  @map("biography") // free text
          @@index([id(sort: Desc), tags], map: "user_idx")
          @@map("users")
        }
        """
        let syntax = parse(source)
        #expect(syntax.errors.isEmpty)
        #expect(syntax.blocks.map(\.kind) == [.datasource, .model])
        #expect(syntax.blocks[0].assignment("relationMode")?.stringValue == "prisma")
        guard case .call("env", let arguments) = syntax.blocks[0].assignment("url")?.kind else {
            Issue.record("env() not read"); return
        }
        #expect(arguments.first?.value.stringValue == "DATABASE_URL")
        let user = syntax.blocks[1]
        #expect(user.documentation == "Someone who signs in.")
        #expect(text(source, user.nameRange) == "User")
        #expect(user.fields.map(\.name) == ["id", "tags", "bio"])
        #expect(user.fields[1].isList && !user.fields[1].isOptional)
        #expect(user.fields[2].isOptional)
        #expect(text(source, user.fields[2].range) == "bio   String?  @map(\"biography\")")
        #expect(user.fields[0].attributes.map(\.name) == ["id", "default", "db.Uuid"])
        #expect(user.attributes.map(\.name) == ["index", "map"])
        #expect(user.attribute("index")?.argument("fields", position: 0)?.fieldNames == ["id", "tags"])
        #expect(user.attribute("index")?.argument("map")?.stringValue == "user_idx")
    }

    @Test func recoversAfterErrors() {
        let source = """
        model A {
          id String @id
          broken
          name String @default(
          ok Int
        }
        garbage here
        model B {
          id Int @id
        """
        let syntax = parse(source)
        #expect(syntax.blocks.map(\.name) == ["A", "B"])
        #expect(syntax.blocks[0].fields.map(\.name) == ["id", "name", "ok"])
        #expect(syntax.blocks[0].fields.map(\.isIncomplete) == [false, true, false])
        #expect(syntax.blocks[0].isIncomplete)
        #expect(syntax.errors.count >= 3)
        #expect(syntax.blocks[1].fields.map(\.name) == ["id"])
    }

    @Test func deepNestingIsBounded() {
        let source = "model A {\n  id Int @default(" + String(repeating: "[", count: 10_000) + ")\n}\n"
        let syntax = parse(source)
        #expect(syntax.blocks.count == 1)
        #expect(syntax.errors.contains { $0.message.contains("nested deeper") })
    }

    @Test func blockCommentsAreComments() {
        let source = """
        /*
         * Orders a shop keeps.
         */
        model Order {
          id Int @id /* the key */ @default(autoincrement())
          /**
           * Which customer placed it.
           */
          customerId Int
        }
        model Note {
          id Int @id
        }
        /* never closed
        """
        let syntax = parse(source)
        #expect(syntax.blocks.map(\.name) == ["Order", "Note"])
        #expect(syntax.blocks[0].fields.map(\.name) == ["id", "customerId"])
        #expect(syntax.blocks[0].fields[0].attributes.map(\.name) == ["id", "default"])
        #expect(syntax.comments.map(\.text).contains(" the key "))
        #expect(syntax.errors.map(\.message) == ["block comment without a closing `*/`"])
    }
}
