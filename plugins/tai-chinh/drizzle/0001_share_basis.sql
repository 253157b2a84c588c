ALTER TABLE "tai_chinh"."share_records" ADD COLUMN "managing_units" integer;--> statement-breakpoint
ALTER TABLE "tai_chinh"."share_records" ADD COLUMN "approved_managing_units" integer;--> statement-breakpoint
ALTER TABLE "tai_chinh"."share_records" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;