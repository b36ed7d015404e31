import Catalog
import Drizzle
import Testing

/// The table's third argument and inline references, named as drizzle-kit 0.x and 1.x name them.
struct ConstraintEvaluationTests {
    static let schema = """
        export const users = pgTable("users", {
          id: uuid("id").primaryKey(),
          email: text("email").notNull().unique("users_email_key"),
          orgId: uuid("org_id"),
          deletedAt: timestamp("deleted_at"),
        }, (t) => [
          index().on(t.orgId),
          index("users_email_idx").on(t.email.desc(), t.orgId.nullsFirst()),
          uniqueIndex("users_email_lower").on(sql`lower(${t.email})`),
          index("users_active").on(t.orgId).where(sql`${t.deletedAt} is null`),
          index("users_org_gin").using("gin", t.orgId.op("uuid_ops")).concurrently(),
          unique().on(t.orgId, t.email).nullsNotDistinct(),
          check("email_has_at", sql`${t.email} like '%@%'`),
        ]);
        export const memberships = pgTable("memberships", {
          userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
          orgId: uuid("org_id").notNull(),
        }, (table) => ({
          pk: primaryKey({ columns: [table.userId, table.orgId] }),
          org: foreignKey({ columns: [table.orgId], foreignColumns: [users.orgId], name: "memberships_org_fk" })
            .onDelete("set null").onUpdate("cascade"),
        }));
        export const legacy = pgTable("legacy", { a: integer("a"), b: integer("b") }, (t) => ({
          pk: primaryKey(t.a, t.b),
        }));
        """

    @Test func drizzleKit0Names() throws {
        let result = readSingle(Self.schema)
        #expect(result.diagnostics.isEmpty)
        let users = try #require(result.table("users"))
        #expect(users.indexes.map(\.name) == ["users_org_id_index", "users_email_idx", "users_email_lower", "users_active",
                                              "users_org_gin"])
        let ordered = users.indexes[1].columns
        #expect(ordered.map(\.asc) == [false, true])
        #expect(ordered.map(\.nulls) == ["last", "first"])
        #expect(users.indexes[2].columns == [IndexColumn(expression: "lower(\"email\")", isExpression: true)])
        #expect(users.indexes[2].isUnique)
        #expect(users.indexes[3].where == "\"users\".\"deleted_at\" is null")
        #expect(users.indexes[4].method == "gin")
        #expect(users.indexes[4].concurrently)
        #expect(users.indexes[4].columns.first?.opclass == "uuid_ops")
        #expect(users.uniqueConstraints.map(\.name) == ["users_email_key", "users_org_id_email_unique"])
        #expect(users.uniqueConstraints.last?.nullsNotDistinct == true)
        #expect(users.checkConstraints == [CheckConstraint(name: "email_has_at",
                                                           value: "\"users\".\"email\" like '%@%'",
                                                           location: users.checkConstraints.first?.location ?? .none)])
        let memberships = try #require(result.table("memberships"))
        #expect(memberships.compositePrimaryKeys.map(\.name) == ["memberships_user_id_org_id_pk"])
        #expect(memberships.compositePrimaryKeys.first?.columns == ["user_id", "org_id"])
        let keys = memberships.foreignKeys
        #expect(keys.map(\.name) == ["memberships_user_id_users_id_fk", "memberships_org_fk"])
        #expect(keys.map(\.onDelete) == [.cascade, .setNull])
        #expect(keys.map(\.onUpdate) == [.noAction, .cascade])
        #expect(keys.map(\.columnsTo) == [["id"], ["org_id"]])
        #expect(keys.first?.isInline == true)
        #expect(result.table("legacy")?.compositePrimaryKeys.map(\.name) == ["legacy_a_b_pk"])
    }

    @Test func drizzleKit1Names() throws {
        let result = readSingle(Self.schema, options: SchemaReadOptions(convention: .kit1))
        let users = try #require(result.table("users"))
        #expect(users.indexes[3].where == "\"deleted_at\" is null")
        #expect(users.checkConstraints.first?.value == "\"email\" like '%@%'")
        let memberships = try #require(result.table("memberships"))
        #expect(memberships.foreignKeys.map(\.name) == ["memberships_user_id_users_id_fkey", "memberships_org_fk"])
        #expect(memberships.compositePrimaryKeys.map(\.name) == ["memberships_pkey"])
        #expect(memberships.columns.map(\.notNull) == [true, true])
    }

    @Test func referencesToTablesDeclaredLaterAndSelfReferences() throws {
        let result = readSingle("""
            export const comments = pgTable("comments", {
              id: serial("id").primaryKey(),
              postId: integer("post_id").references(() => posts.id),
              parentId: integer("parent_id").references((): AnyPgColumn => comments.id),
            });
            export const posts = pgTable("posts", { id: serial("id").primaryKey() });
            """)
        #expect(result.diagnostics.isEmpty)
        let comments = try #require(result.table("comments"))
        #expect(comments.foreignKeys.map(\.tableTo) == ["posts", "comments"])
    }

    @Test func relationsAreRead() throws {
        let result = readSingle("""
            export const users = pgTable("users", { id: integer("id").primaryKey() });
            export const posts = pgTable("posts", { id: integer("id").primaryKey(), authorId: integer("author_id") });
            export const postsRelations = relations(posts, ({ one }) => ({
              author: one(users, { fields: [posts.authorId], references: [users.id] }),
            }));
            export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
            """)
        let relations = result.declarations.relations
        #expect(relations.map(\.kind) == [.one, .many])
        #expect(relations.first?.fields == ["author_id"])
        #expect(relations.first?.references == ["id"])
        #expect(relations.first?.fromTable == "posts")
        #expect(relations.last?.toTable == "posts")
    }
}
