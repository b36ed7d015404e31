import { relations } from 'drizzle-orm';
import { users } from './users';
import { subscriptions } from './subscriptions';
import { billingHistory } from './billing';
import { usageEvents } from './usage';

export const subscriptionRelations = relations(subscriptions, ({ many, one }) => ({
  user: one(users, {
    fields: [subscriptions.userId],
    references: [users.id],
  }),
  billingHistory: many(billingHistory),
  usageEvents: many(usageEvents),
}));

export const billingHistoryRelations = relations(billingHistory, ({ one }) => ({
  subscription: one(subscriptions, {
    fields: [billingHistory.subscriptionId],
    references: [subscriptions.id],
  }),
  user: one(users, {
    fields: [billingHistory.userId],
    references: [users.id],
  }),
}));
