ALTER TABLE "core"."tasks" ADD COLUMN "completion_pending_on" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_pending_by" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_return_note" text;