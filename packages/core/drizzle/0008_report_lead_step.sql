ALTER TABLE "core"."reports" ADD COLUMN "sent_to_lead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."reports" ADD COLUMN "sent_to_lead_by" text;--> statement-breakpoint
ALTER TABLE "core"."reports" ADD COLUMN "lead_note" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_pending_on" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_pending_by" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_return_note" text;