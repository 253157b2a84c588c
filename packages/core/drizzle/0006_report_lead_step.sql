ALTER TABLE "core"."reports" ADD COLUMN "sent_to_lead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."reports" ADD COLUMN "sent_to_lead_by" text;--> statement-breakpoint
ALTER TABLE "core"."reports" ADD COLUMN "lead_note" text;