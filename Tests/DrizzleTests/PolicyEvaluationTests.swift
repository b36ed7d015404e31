import Drizzle
import Testing

/// Row-level security in a Drizzle schema: `pgPolicy` options, roles (`pgRole`, drizzle-orm/supabase), `crudPolicy`
/// (drizzle-orm/neon), `.link()`, `.enableRLS()` / `pgTable.withRLS`, and what the reader cannot evaluate.
struct PolicyEvaluationTests {
    static let header = """
        import { pgTable, pgPolicy, pgRole, uuid, text } from "drizzle-orm/pg-core";
        import { sql } from "drizzle-orm";
        import { authenticatedRole, anonRole, authUid } from "drizzle-orm/supabase";
        import { crudPolicy } from "drizzle-orm/neon";
        import { ownerCheck } from "some-package";

        """

    static func read(_ body: String) -> SchemaReadResult { readSchema(["schema.ts": header + body]) }

    @Test func policyOptionsAndRoles() throws {
        let body = """
            export const admin = pgRole("Admin").existing();
            export const notes = pgTable("notes", { id: uuid().primaryKey(), ownerId: uuid("owner_id") }, (t) => [
              pgPolicy("owners read", { for: "select", to: authenticatedRole, using: sql`${t.ownerId} = ${authUid}` }),
              pgPolicy("admins write", { as: "restrictive", for: "update", to: [admin, "anon"], withCheck: sql`true` }),
              pgPolicy("defaults"),
            ]);
            """
        let result = Self.read(body)
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table("notes"))
        #expect(table.hasRowSecurity && !table.isRLSEnabled)
        let read = try #require(table.policies.first { $0.name == "owners read" })
        #expect(read.command == .select && read.permissive && read.roles == ["authenticated"])
        #expect(read.using?.text == #""notes"."owner_id" = (select auth.uid())"#)
        let write = try #require(table.policies.first { $0.name == "admins write" })
        #expect(!write.permissive && write.command == .update && write.roles == ["admin", "anon"])
        #expect(write.withCheck?.text == "true" && write.using == nil)
        // The clause is located at the `withCheck:` property, inside the call.
        let range = try #require(write.withCheck?.location.range)
        #expect(String(decoding: Array((Self.header + body).utf8)[range], as: UTF8.self) == "withCheck: sql`true`")
        let defaults = try #require(table.policies.first { $0.name == "defaults" })
        #expect(defaults.command == .all && defaults.roles == ["public"] && defaults.using == nil)
    }

    @Test func crudPolicyMakesOnePolicyPerCommand() throws {
        let result = Self.read("""
            export const posts = pgTable("posts", { id: uuid().primaryKey() }, () => [
              crudPolicy({ role: authenticatedRole, read: true, modify: sql`false` }),
            ]);
            export const drafts = pgTable("drafts", { id: uuid().primaryKey() }, () => [
              crudPolicy({ role: anonRole, read: null, modify: ownerCheck() }),
            ]);
            """)
        let posts = try #require(result.table("posts"))
        #expect(posts.policies.map(\.name) == ["crud-authenticated-policy-select", "crud-authenticated-policy-insert",
                                               "crud-authenticated-policy-update", "crud-authenticated-policy-delete"])
        #expect(posts.policies.map(\.command) == [.select, .insert, .update, .delete])
        #expect(posts.policies[0].using?.text == "true" && posts.policies[1].withCheck?.text == "false")
        // `read: null` makes no select policy; a `modify` the reader cannot evaluate leaves those clauses unreadable.
        let drafts = try #require(result.table("drafts"))
        #expect(drafts.policies.map(\.name) == ["crud-anon-policy-insert", "crud-anon-policy-update", "crud-anon-policy-delete"])
        #expect(drafts.policies.allSatisfy { !$0.unreadable.isEmpty })
        #expect(result.diagnostics.count == 1)
    }

    @Test func linkedPoliciesAndRLSFlags() throws {
        let result = Self.read("""
            export const plain = pgTable("plain", { id: uuid().primaryKey() }).enableRLS();
            export const modern = pgTable.withRLS("modern", { id: uuid().primaryKey() });
            export const open = pgTable("open", { id: uuid().primaryKey() });
            export const linked = pgPolicy("linked read", { for: "select", using: sql`true` }).link(open);
            """)
        #expect(result.table("plain")?.isRLSEnabled == true && result.table("modern")?.isRLSEnabled == true)
        #expect(result.table("open")?.policies.map(\.name) == ["linked read"])
        #expect(result.table("open")?.hasRowSecurity == true)
    }

    @Test func unknownPartsAreUnreadableNotGuessed() throws {
        let result = Self.read("""
            export const notes = pgTable("notes", { id: uuid().primaryKey() }, () => [
              pgPolicy("checked", { for: "insert", to: authenticatedRole, withCheck: ownerCheck() }),
            ]);
            """)
        let policy = try #require(result.table("notes")?.policies.first)
        #expect(policy.unreadable == [.withCheck] && policy.withCheck == nil)
        #expect(result.diagnostics.map(\.kind) == [.unevaluable])
    }

    /// `authUsers` of drizzle-orm/supabase is `auth.users`: a foreign key to it resolves (as drizzle-kit names it)
    /// and the table is not added to the schema.
    @Test func authUsersIsTheAuthSchemasTable() throws {
        let result = readSchema(["schema.ts": """
            import { pgTable, uuid } from "drizzle-orm/pg-core";
            import { authUsers } from "drizzle-orm/supabase";
            export const profiles = pgTable("profiles", {
              id: uuid().primaryKey().references(() => authUsers.id, { onDelete: "cascade" }),
            });
            """])
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.tables.map(\.name) == ["profiles"])
        let foreignKey = try #require(result.table("profiles")?.foreignKeys.first)
        #expect(foreignKey.name == "profiles_id_users_id_fk" && foreignKey.tableTo == "users" && foreignKey.schemaTo == "auth")
    }
}
