CREATE TABLE IF NOT EXISTS "usage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb
);
--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "billing_history" ADD CONSTRAINT "billing_history_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "usage_events_subscription_idx" ON "usage_events" USING btree ("subscription_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "billing_history_processed_idx" ON "billing_history" USING btree ("processed_at");
--> statement-breakpoint
ALTER TABLE "subscriptions" DROP COLUMN IF EXISTS "legacy_plan_code";
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "plan_id" text NOT NULL;
