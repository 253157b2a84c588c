CREATE SCHEMA "khdt";
--> statement-breakpoint
CREATE TABLE "khdt"."obstacles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"description" text NOT NULL,
	"proposal" text,
	"beyond_authority" boolean DEFAULT false NOT NULL,
	"resolved_on" date,
	"escalation_id" uuid,
	"escalated_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obstacles_description_check" CHECK (length("khdt"."obstacles"."description") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "khdt"."schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"name" text NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"budget_allocated" double precision DEFAULT 0 NOT NULL,
	"budget_disbursed" double precision DEFAULT 0 NOT NULL,
	"beneficiary_target" integer,
	"beneficiary_actual" integer,
	"beneficiary_label" text DEFAULT 'doanh nghiệp' NOT NULL,
	"margin_pct" double precision,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schemes_name_check" CHECK (length("khdt"."schemes"."name") between 1 and 500),
	CONSTRAINT "schemes_period_check" CHECK ("khdt"."schemes"."end_on" >= "khdt"."schemes"."start_on"),
	CONSTRAINT "schemes_budget_check" CHECK ("khdt"."schemes"."budget_allocated" >= 0 and "khdt"."schemes"."budget_disbursed" >= 0 and "khdt"."schemes"."budget_disbursed" <= "khdt"."schemes"."budget_allocated"),
	CONSTRAINT "schemes_beneficiaries_check" CHECK (coalesce("khdt"."schemes"."beneficiary_target", 0) >= 0 and coalesce("khdt"."schemes"."beneficiary_actual", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "khdt"."obstacles" ADD CONSTRAINT "obstacles_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "khdt"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obstacles_scheme_idx" ON "khdt"."obstacles" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "schemes_unit_idx" ON "khdt"."schemes" USING btree ("unit_code");