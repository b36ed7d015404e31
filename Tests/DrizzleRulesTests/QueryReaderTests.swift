import Catalog
import Drizzle
import Queries
import Testing
import TypeScript

/// The query reader on the design document's queries and on the relational-query forms Drizzle documents.
@Suite struct QueryReaderTests {
    static let model = SchemaModel(
        tables: [
            Table(name: "subscriptions", columns: [
                Column(name: "id", type: "uuid", primaryKey: true),
                Column(name: "user_id", type: "uuid"),
                Column(name: "status", type: "text"),
                Column(name: "created_at", type: "timestamp with time zone"),
            ]),
            Table(name: "billing_history", columns: [
                Column(name: "id", type: "uuid", primaryKey: true),
                Column(name: "processed_at", type: "timestamp with time zone"),
            ]),
            Table(name: "usage_events", columns: [
                Column(name: "subscription_id", type: "uuid"),
                Column(name: "event_type", type: "text"),
                Column(name: "quantity", type: "integer"),
                Column(name: "timestamp", type: "timestamp with time zone"),
            ]),
        ])

    /// The tables' bindings and the TypeScript keys of their columns, kept beside the model as the Drizzle reader keeps them.
    static let declarations = SchemaDeclarations(tables: [
        TableDeclaration(variableName: "subscriptions", columns: ["id", "userId", "status", "createdAt"].map { ColumnDeclaration(key: $0) }),
        TableDeclaration(variableName: "billingHistory", columns: ["id", "processedAt"].map { ColumnDeclaration(key: $0) }),
        TableDeclaration(variableName: "usageEvents", columns: ["subscriptionId", "eventType", "quantity", "timestamp"].map { ColumnDeclaration(key: $0) }),
    ], relations: [Relation(kind: .many, name: "billingHistory", fromTable: "subscriptions", toTable: "billing_history")])

    /// `table.column kind` for each use, in source order.
    static func uses(_ source: String) -> [String] {
        let file = QuerySourceFile(path: "src/queries.ts", syntax: TypeScriptParser.parse(Array(source.utf8)))
        return QueryReader(schemas: [(model, declarations)]).read([file]).uses.map { "\($0.tableKey.dropFirst("public.".count)).\($0.column) \($0.kind.rawValue)" }
    }

    @Test func designDocumentQueries() {
        let source = """
        import { and, desc, eq, gte, lte, sum } from 'drizzle-orm';
        import { billingHistory, subscriptions, usageEvents } from '../db/schema';
        export const subscriptionQueries = {
          getActiveSubscription: (userId: string) => db.query.subscriptions.findFirst({
            where: and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'active')),
            with: { billingHistory: { limit: 1, orderBy: desc(billingHistory.processedAt) } },
          }),
          getUsageForPeriod: (subscriptionId: string, start: Date, end: Date) => db
            .select({ eventType: usageEvents.eventType, total: sum(usageEvents.quantity) })
            .from(usageEvents)
            .where(and(eq(usageEvents.subscriptionId, subscriptionId), gte(usageEvents.timestamp, start), lte(usageEvents.timestamp, end)))
            .groupBy(usageEvents.eventType),
        };
        """
        #expect(Self.uses(source) == [
            "subscriptions.user_id filter", "subscriptions.status filter", "billing_history.processed_at sort",
            "usage_events.subscription_id filter", "usage_events.timestamp filter", "usage_events.timestamp filter",
        ])
    }

    @Test func relationalCallbacksBindTheTableAndTheOperators() {
        let source = """
        export function recent(id: string) {
          return db.query.subscriptions.findMany({
            where: (s, { eq: equals, and }) => and(equals(s.userId, id), equals(s.status, 'active')),
            orderBy: (s, { desc }) => [desc(s.createdAt), s.id],
            with: { billingHistory: { where: (b, ops) => ops.gte(b.processedAt, since) } },
          });
        }
        """
        #expect(Self.uses(source) == [
            "subscriptions.user_id filter", "subscriptions.status filter", "subscriptions.created_at sort",
            "subscriptions.id sort", "billing_history.processed_at filter",
        ])
    }

    @Test func namespaceImportsObjectWhereAndBareOrderBy() {
        let source = """
        import * as schema from './schema';
        import { asc } from 'drizzle-orm';
        const a = db.query.subscriptions.findFirst({ where: { status: 'active', userId } });
        const b = db.select().from(schema.usageEvents).orderBy(schema.usageEvents.timestamp, asc(schema.usageEvents.eventType));
        """
        #expect(Self.uses(source) == [
            "subscriptions.status filter", "subscriptions.user_id filter",
            "usage_events.timestamp sort", "usage_events.event_type sort",
        ])
    }

    @Test func namesThatAreNotSchemaTablesAreIgnored() {
        let source = """
        import { eq } from 'drizzle-orm';
        import { subscriptions as subs } from '@/db/schema';
        const input = { userId: '1' };
        const rows = db.select().from(subs).where(eq(subs.userId, input.userId)).orderBy(subs.unknownColumn);
        const other = eq(payments.status, 'paid');
        """
        #expect(Self.uses(source) == ["subscriptions.user_id filter"])
    }
}
