CREATE SCHEMA "noi_vu";
--> statement-breakpoint
CREATE TABLE "noi_vu"."consolidated_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" text NOT NULL,
	"number" integer,
	"narrative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signer_name" text,
	"signer_title" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consolidated_reports_number_check" CHECK ("noi_vu"."consolidated_reports"."number" is null or "noi_vu"."consolidated_reports"."number" between 1 and 99999)
);
--> statement-breakpoint
CREATE TABLE "noi_vu"."discipline_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"inspection_id" uuid,
	"subject" text NOT NULL,
	"violation" text NOT NULL,
	"measure" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_number" text,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "noi_vu"."follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"what" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"task_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "noi_vu"."good_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"field" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"results" text NOT NULL,
	"evidence" text,
	"state" text DEFAULT 'proposed' NOT NULL,
	"evaluation_note" text,
	"evaluated_by" text,
	"evaluated_on" date,
	"replicate" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "good_models_state_check" CHECK ("noi_vu"."good_models"."state" in ('proposed', 'recognised', 'not_recognised')),
	CONSTRAINT "good_models_title_check" CHECK (length("noi_vu"."good_models"."title") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "noi_vu"."inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"plan" text NOT NULL,
	"unit_code" text NOT NULL,
	"inspected_on" date NOT NULL,
	"findings" text,
	"closed" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_kind_check" CHECK ("noi_vu"."inspections"."kind" in ('cchc', 'discipline'))
);
--> statement-breakpoint
CREATE TABLE "noi_vu"."model_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"adopted_on" date NOT NULL,
	"result" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "noi_vu"."discipline_cases" ADD CONSTRAINT "discipline_cases_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "noi_vu"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "noi_vu"."follow_ups" ADD CONSTRAINT "follow_ups_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "noi_vu"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "noi_vu"."model_adoptions" ADD CONSTRAINT "model_adoptions_model_id_good_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "noi_vu"."good_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_reports_period_idx" ON "noi_vu"."consolidated_reports" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "discipline_cases_unit_idx" ON "noi_vu"."discipline_cases" USING btree ("unit_code","decided_on");--> statement-breakpoint
CREATE INDEX "follow_ups_inspection_idx" ON "noi_vu"."follow_ups" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "good_models_unit_idx" ON "noi_vu"."good_models" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "inspections_unit_idx" ON "noi_vu"."inspections" USING btree ("unit_code","inspected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "model_adoptions_unit_idx" ON "noi_vu"."model_adoptions" USING btree ("model_id","unit_code");