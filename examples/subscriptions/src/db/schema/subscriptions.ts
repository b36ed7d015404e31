import { pgTable, pgEnum, uuid, text, timestamp, jsonb } from 'drizzle-orm/pg-core';
import { users } from './users';

// Migration 0003 renamed `canceled` to `cancelled`.
export const planStatus = pgEnum('plan_status', ['active', 'paused', 'cancelled']);

// Core subscription model, as the design document sketches it.
export const subscriptions = pgTable('subscriptions', {
  id: uuid('id').defaultRandom().primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id),
  // Plans live in the subscription-config Gist, so there is no plans table to reference.
  planId: text('plan_id').notNull(),
  status: text('status').notNull(), // active, cancelled, past_due
  planStatus: planStatus('plan_status').notNull(),
  currentPeriodStart: timestamp('current_period_start').notNull(),
  currentPeriodEnd: timestamp('current_period_end').notNull(),
  cancelAt: timestamp('cancel_at', { withTimezone: true }),
  metadata: jsonb('metadata'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
});
