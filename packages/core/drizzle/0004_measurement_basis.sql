ALTER TABLE "core"."measurements" ADD COLUMN "numerator" double precision;--> statement-breakpoint
ALTER TABLE "core"."measurements" ADD COLUMN "denominator" double precision;--> statement-breakpoint
ALTER TABLE "core"."measurements" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."measurements" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "core"."measurements" ADD CONSTRAINT "measurements_ratio_check" CHECK (("core"."measurements"."numerator" is null and "core"."measurements"."denominator" is null) or ("core"."measurements"."denominator" > 0 and "core"."measurements"."numerator" >= 0 and "core"."measurements"."numerator" <= "core"."measurements"."denominator"));