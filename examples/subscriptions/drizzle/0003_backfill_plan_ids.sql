-- Hand-written backfill, never added to the journal: drizzle's migrator will not run it.
UPDATE "subscriptions" SET "plan_id" = 'starter' WHERE "plan_id" = '';
--> statement-breakpoint
UPDATE "subscriptions" SET "status" = 'active' WHERE "status" = 'trialing'
  AND "current_period_end" > now(;
