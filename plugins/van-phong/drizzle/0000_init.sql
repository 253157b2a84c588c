CREATE SCHEMA "van_phong";
--> statement-breakpoint
CREATE TABLE "van_phong"."delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"delegating_authority" text NOT NULL,
	"delegate_unit_code" text NOT NULL,
	"decision_number" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_period_check" CHECK ("van_phong"."delegations"."ends_on" is null or "van_phong"."delegations"."ends_on" >= "van_phong"."delegations"."starts_on"),
	CONSTRAINT "delegations_counts_check" CHECK ("van_phong"."delegations"."on_time" >= 0 and "van_phong"."delegations"."late" >= 0)
);
--> statement-breakpoint
CREATE TABLE "van_phong"."evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"findings" text NOT NULL,
	"recommendation" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_kind_check" CHECK ("van_phong"."evaluations"."kind" in ('inspection', 'evaluation')),
	CONSTRAINT "evaluations_recommendation_check" CHECK ("van_phong"."evaluations"."recommendation" in ('keep', 'adjust', 'revoke'))
);
--> statement-breakpoint
CREATE TABLE "van_phong"."milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"done_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_status_check" CHECK ("van_phong"."milestones"."status" in ('not_started', 'in_progress', 'done')),
	CONSTRAINT "milestones_done_check" CHECK (("van_phong"."milestones"."status" = 'done') = ("van_phong"."milestones"."done_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "van_phong"."plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"owner_unit_code" text NOT NULL,
	"action" text NOT NULL,
	"content" text NOT NULL,
	"cost_before" double precision NOT NULL,
	"cost_after" double precision NOT NULL,
	"days_before" integer,
	"days_after" integer,
	"status" text DEFAULT 'proposed' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"implemented_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_action_check" CHECK ("van_phong"."plans"."action" in ('cut', 'simplify')),
	CONSTRAINT "plans_status_check" CHECK ("van_phong"."plans"."status" in ('proposed', 'returned', 'approved', 'implemented')),
	CONSTRAINT "plans_cost_check" CHECK ("van_phong"."plans"."cost_before" >= 0 and "van_phong"."plans"."cost_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "van_phong"."procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"owner_unit_code" text NOT NULL,
	"decision_number" text,
	"announced_on" date,
	"published_on" date,
	"online_service" text NOT NULL,
	"compliance_cost" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_level_check" CHECK ("van_phong"."procedures"."level" in ('city', 'district', 'commune')),
	CONSTRAINT "procedures_kind_check" CHECK ("van_phong"."procedures"."kind" in ('external', 'internal')),
	CONSTRAINT "procedures_online_check" CHECK ("van_phong"."procedures"."online_service" in ('full', 'partial', 'none')),
	CONSTRAINT "procedures_published_check" CHECK ("van_phong"."procedures"."published_on" is null or ("van_phong"."procedures"."announced_on" is not null and "van_phong"."procedures"."published_on" >= "van_phong"."procedures"."announced_on")),
	CONSTRAINT "procedures_cost_check" CHECK ("van_phong"."procedures"."compliance_cost" is null or "van_phong"."procedures"."compliance_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "van_phong"."settings" (
	"id" text PRIMARY KEY NOT NULL,
	"late_threshold" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_threshold_check" CHECK ("van_phong"."settings"."late_threshold" >= 0 and "van_phong"."settings"."late_threshold" <= 100)
);
--> statement-breakpoint
ALTER TABLE "van_phong"."delegations" ADD CONSTRAINT "delegations_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "van_phong"."procedures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_phong"."evaluations" ADD CONSTRAINT "evaluations_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "van_phong"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "van_phong"."plans" ADD CONSTRAINT "plans_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "van_phong"."procedures"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegations_delegate_idx" ON "van_phong"."delegations" USING btree ("delegate_unit_code");--> statement-breakpoint
CREATE INDEX "evaluations_delegation_idx" ON "van_phong"."evaluations" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "milestones_unit_idx" ON "van_phong"."milestones" USING btree ("unit_code","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_procedure_idx" ON "van_phong"."plans" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "plans_owner_idx" ON "van_phong"."plans" USING btree ("owner_unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_idx" ON "van_phong"."procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedures_owner_idx" ON "van_phong"."procedures" USING btree ("owner_unit_code");