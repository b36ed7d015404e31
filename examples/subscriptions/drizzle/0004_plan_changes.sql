ALTER TABLE "subscriptions" ADD COLUMN "public_id" uuid DEFAULT gen_random_uuid() NOT NULL;
--> statement-breakpoint
UPDATE "billing_history" SET "currency" = lower("currency");
--> statement-breakpoint
ALTER TYPE "public"."plan_status" ADD VALUE 'cancelled';
--> statement-breakpoint
UPDATE "subscriptions" SET "plan_status" = 'cancelled' WHERE "status" = 'canceled';
--> statement-breakpoint
ALTER TABLE "subscriptions" ALTER COLUMN "plan_status" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "billing_history" ADD CONSTRAINT "billing_history_amount_check" CHECK ("amount" >= 0);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_public_id_unique" UNIQUE("public_id");
--> statement-breakpoint
DROP INDEX "billing_history_processed_idx";
--> statement-breakpoint
CREATE INDEX CONCURRENTLY IF NOT EXISTS "billing_history_status_idx" ON "billing_history" USING btree ("status");
--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_subscription_id_subscriptions_id_with_plan_status_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") NOT VALID;
