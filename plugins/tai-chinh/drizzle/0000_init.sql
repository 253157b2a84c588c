CREATE SCHEMA "tai_chinh";
--> statement-breakpoint
CREATE TABLE "tai_chinh"."service_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"managing_unit_code" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"sector" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_units_name_check" CHECK (length("tai_chinh"."service_units"."name") between 1 and 300),
	CONSTRAINT "service_units_sector_check" CHECK (length("tai_chinh"."service_units"."sector") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "tai_chinh"."share_records" (
	"year" integer PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"value" double precision NOT NULL,
	"counted" integer NOT NULL,
	"autonomous" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tai_chinh"."unit_years" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"autonomy_group" smallint,
	"revenue_a" numeric(18, 2),
	"spending_b" numeric(18, 2),
	"investment_covered" boolean DEFAULT false NOT NULL,
	"planned_group" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_years_unit_id_year_pk" PRIMARY KEY("unit_id","year"),
	CONSTRAINT "unit_years_year_check" CHECK ("tai_chinh"."unit_years"."year" between 2000 and 2100),
	CONSTRAINT "unit_years_group_check" CHECK ("tai_chinh"."unit_years"."autonomy_group" is null or "tai_chinh"."unit_years"."autonomy_group" between 1 and 4),
	CONSTRAINT "unit_years_planned_check" CHECK ("tai_chinh"."unit_years"."planned_group" is null or "tai_chinh"."unit_years"."planned_group" between 1 and 4),
	CONSTRAINT "unit_years_amounts_check" CHECK (("tai_chinh"."unit_years"."revenue_a" is null or "tai_chinh"."unit_years"."revenue_a" >= 0) and ("tai_chinh"."unit_years"."spending_b" is null or "tai_chinh"."unit_years"."spending_b" > 0)),
	CONSTRAINT "unit_years_classification_check" CHECK (("tai_chinh"."unit_years"."autonomy_group" is null and "tai_chinh"."unit_years"."revenue_a" is null and "tai_chinh"."unit_years"."spending_b" is null) or ("tai_chinh"."unit_years"."autonomy_group" is not null and "tai_chinh"."unit_years"."revenue_a" is not null and "tai_chinh"."unit_years"."spending_b" is not null)),
	CONSTRAINT "unit_years_content_check" CHECK ("tai_chinh"."unit_years"."autonomy_group" is not null or "tai_chinh"."unit_years"."planned_group" is not null)
);
--> statement-breakpoint
CREATE TABLE "tai_chinh"."year_approvals" (
	"year" integer NOT NULL,
	"managing_unit_code" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "year_approvals_year_managing_unit_code_pk" PRIMARY KEY("year","managing_unit_code"),
	CONSTRAINT "year_approvals_status_check" CHECK ("tai_chinh"."year_approvals"."status" in ('approved', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "tai_chinh"."unit_years" ADD CONSTRAINT "unit_years_unit_id_service_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "tai_chinh"."service_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_units_managing_name_idx" ON "tai_chinh"."service_units" USING btree ("managing_unit_code","name_key");--> statement-breakpoint
CREATE INDEX "unit_years_year_idx" ON "tai_chinh"."unit_years" USING btree ("year");