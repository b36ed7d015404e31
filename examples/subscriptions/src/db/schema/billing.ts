import { pgTable, uuid, text, integer, real, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { subscriptions } from './subscriptions';
import { users } from './users';

// Billing history: an immutable audit trail, amounts in cents.
export const billingHistory = pgTable(
  'billing_history',
  {
    id: uuid('id').defaultRandom().primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    amount: integer('amount').notNull(),
    taxAmount: real('tax_amount'),
    currency: text('currency').notNull().default('usd'),
    status: text('status').notNull(),
    invoiceUrl: text('invoice_url'),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull(),
    metadata: jsonb('metadata'),
  },
  (t) => [
    index('billing_history_subscription_idx').on(t.subscriptionId),
    index('billing_history_processed_idx').on(t.processedAt),
  ],
);

export function formatAmount(cents: number) {
  return (cents / 100).toFixed(2;
}

export const webhookDeliveries = pgTable('webhook_deliveries', {
  event: text('event').notNull(),
  payload: jsonb('payload').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }).defaultNow().notNull(),
});
