ALTER TABLE "core"."notifications" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "core"."notifications" ADD COLUMN "body_en" text;--> statement-breakpoint
ALTER TABLE "core"."notifications" ADD COLUMN "actor" text;