import Drizzle
import Prisma
import Testing

/// Prisma models become the tables `prisma migrate` creates in PostgreSQL.
@Suite struct PrismaMappingTests {
    func read(_ text: String, path: String = "prisma/schema.prisma") -> PrismaSchema {
        PrismaSchema.read([(path, Array(text.utf8))])
    }

    static let schema = """
    datasource db {
      provider = "postgresql"
    }

    enum Plan {
      FREE
      PRO @map("pro")
      @@map("plan")
    }

    model Account {
      id        Int      @id @default(autoincrement())
      email     String   @unique
      plan      Plan     @default(FREE)
      balance   Float
      price     Decimal
      rate      Decimal  @db.Decimal(5, 2)
      createdAt DateTime @default(now()) @map("created_at")
      seenAt    DateTime @db.Timestamptz(6)
      updatedAt DateTime @updatedAt
      token     String   @default(uuid()) @db.Uuid
      tags      String[]
      data      Json?
      posts     Post[]
      @@map("accounts")
    }

    model Post {
      authorId Int
      slug     String
      owner    Account? @relation(fields: [ownerId], references: [id])
      ownerId  Int?
      author   Account  @relation(fields: [authorId], references: [id], onDelete: Cascade, map: "post_author")
      @@id([authorId, slug])
      @@unique([slug, ownerId])
      @@index([ownerId(sort: Desc)])
    }
    """

    @Test func mapsNamesTypesAndKeys() throws {
        let prisma = read(Self.schema)
        #expect(prisma.diagnostics.isEmpty)
        #expect(prisma.model.enums.map(\.name) == ["plan"])
        #expect(prisma.model.enums.first?.values == ["FREE", "pro"])
        let account = try #require(prisma.model.table(named: "accounts"))
        let types = Dictionary(uniqueKeysWithValues: account.columns.map { ($0.name, $0.type) })
        #expect(types == [
            "id": "serial", "email": "text", "plan": "plan", "balance": "double precision", "price": "numeric(65, 30)",
            "rate": "numeric(5, 2)", "created_at": "timestamp (3)", "seenAt": "timestamp (6) with time zone",
            "updatedAt": "timestamp (3)", "token": "uuid", "tags": "text[]", "data": "jsonb",
        ])
        #expect(account.column(named: "id")?.primaryKey == true)
        #expect(account.column(named: "created_at")?.default == .sql("CURRENT_TIMESTAMP"))
        #expect(account.column(named: "plan")?.default == .sql("'FREE'"))
        let declared = try #require(prisma.model.declaredTables(prisma.declarations).first { $0.name == "accounts" })
        #expect(declared.column(named: "token")?.default == nil && declared.column(named: "token")?.hasRuntimeDefault == true)
        #expect(declared.column(named: "updatedAt")?.hasOnUpdate == true)
        #expect(declared.column(named: "updatedAt")?.key == "updatedAt" && declared.column(named: "id")?.builder == "Int")
        #expect(account.column(named: "data")?.notNull == false)
        #expect(account.uniqueConstraints.map(\.name) == ["accounts_email_key"])
        #expect(account.foreignKeys.isEmpty, "the list side of a relation has no key")
    }

    @Test func mapsCompositeKeysIndexesAndRelations() throws {
        #expect(read(Self.schema).model.reader == .prisma)
        let post = try #require(read(Self.schema).model.table(named: "Post"))
        #expect(post.compositePrimaryKeys.map(\.columns) == [["authorId", "slug"]])
        #expect(post.uniqueConstraints.map(\.name) == ["Post_slug_ownerId_key"])
        #expect(post.indexes.map(\.name) == ["Post_ownerId_idx"])
        #expect(post.indexes.first?.columns.first?.asc == false)
        #expect(post.foreignKeys.map(\.name) == ["Post_ownerId_fkey", "post_author"])
        // Prisma's default actions: an optional relation sets null, a required one restricts; updates cascade.
        #expect(post.foreignKeys.map(\.onDelete) == [.setNull, .cascade])
        #expect(post.foreignKeys.map(\.onUpdate) == [.cascade, .cascade])
        #expect(post.foreignKeys.allSatisfy { $0.tableTo == "accounts" && $0.columnsTo == ["id"] })
    }

    @Test func relationModeAndProvider() {
        let emulated = read("datasource db {\n  provider = \"postgresql\"\n  relationMode = \"prisma\"\n}\n")
        #expect(emulated.isRelationModeEmulated && emulated.isPostgres)
        #expect(!read("datasource db {\n  provider = \"mysql\"\n}\n").isPostgres)
    }

    @Test func relationsCrossFilesOfAFolder() throws {
        let schema = PrismaSchema.read([
            ("prisma/schema/user.prisma", Array("model User {\n  id Int @id\n  posts Post[]\n}\n".utf8)),
            ("prisma/schema/post.prisma", Array("model Post {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n".utf8)),
        ])
        #expect(schema.diagnostics.isEmpty)
        let post = try #require(schema.model.table(named: "Post"))
        #expect(post.foreignKeys.first?.tableTo == "User")
        #expect(post.location.path == "prisma/schema/post.prisma")
    }

    @Test func brokenLinesMakeTheModelsVerdictsUnknown() throws {
        let schema = read("model Log {\n  message String\n  at DateTime @default(\n}\n")
        #expect(!schema.diagnostics.isEmpty)
        let log = try #require(schema.model.table(named: "Log"))
        #expect(log.unreadableElements.contains(.primaryKey))
    }
}
