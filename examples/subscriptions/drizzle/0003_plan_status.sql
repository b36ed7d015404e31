CREATE TYPE "public"."plan_status" AS ENUM('active', 'paused');
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "plan_status" "plan_status";
