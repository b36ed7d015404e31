import { and, desc, eq, gte, lte, sum } from 'drizzle-orm';
import { db } from '../db/client';
import { billingHistory, subscriptions, usageEvents } from '../db/schema';

// Queries designed for the command system, as in the design document.
export const subscriptionQueries = {
  // Fast lookup for commands
  getActiveSubscription: (userId: string) => {
    return db.query.subscriptions.findFirst({
      where: and(eq(subscriptions.userId, userId), eq(subscriptions.status, 'active')),
      with: {
        billingHistory: {
          limit: 1,
          orderBy: desc(billingHistory.processedAt),
        },
      },
    });
  },

  // Efficient usage aggregation
  getUsageForPeriod: (subscriptionId: string, start: Date, end: Date) => {
    return db
      .select({
        eventType: usageEvents.eventType,
        total: sum(usageEvents.quantity),
      })
      .from(usageEvents)
      .where(
        and(
          eq(usageEvents.subscriptionId, subscriptionId),
          gte(usageEvents.timestamp, start),
          lte(usageEvents.timestamp, end),
        ),
      )
      .groupBy(usageEvents.eventType);
  },

  // `/subscription cancel`: the row changes, and nothing moves `updatedAt` with it
  cancelSubscription: (subscriptionId: string) => {
    return db.update(subscriptions).set({ status: 'cancelled' }).where(eq(subscriptions.id, subscriptionId));
  },
};
