import { pgTable, uuid, text, integer, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { subscriptions } from './subscriptions';

// Usage tracking: high-frequency writes (matched by the default `usage_*` pattern).
export const usageEvents = pgTable(
  'usage_events',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    eventType: text('event_type').notNull(),
    quantity: integer('quantity').notNull().default(1),
    timestamp: timestamp('timestamp', { withTimezone: true }).defaultNow().notNull(),
    metadata: jsonb('metadata'),
  },
  (t) => [index('usage_events_subscription_idx').on(t.subscriptionId)],
);
