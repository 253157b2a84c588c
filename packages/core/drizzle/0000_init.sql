CREATE SCHEMA "core";
--> statement-breakpoint
CREATE TABLE "core"."directive_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"full_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directives_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "core"."escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid,
	"task_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"obstacle" text NOT NULL,
	"proposal" text,
	"state" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by" text,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"task_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."measurements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"target_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."reminders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"message" text NOT NULL,
	"sent_by" text NOT NULL,
	"sent_by_unit_code" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."report_items" (
	"report_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"progress" integer,
	"result" text,
	"obstacles" text,
	"proposals" text,
	"beyond_authority" boolean DEFAULT false NOT NULL,
	CONSTRAINT "report_items_report_id_task_id_pk" PRIMARY KEY("report_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "core"."reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"cadence" text NOT NULL,
	"period_id" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"measure_unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_date" date NOT NULL,
	"owner_unit_code" text NOT NULL,
	"source" text NOT NULL,
	"source_module" text,
	"directive_id" uuid,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "core"."task_coordinators" (
	"task_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	CONSTRAINT "task_coordinators_task_id_unit_code_pk" PRIMARY KEY("task_id","unit_code")
);
--> statement-breakpoint
CREATE TABLE "core"."task_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_username" text NOT NULL,
	"progress" integer NOT NULL,
	"completed_on" date,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "core"."tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"directive_id" uuid NOT NULL,
	"clause" text NOT NULL,
	"parent_id" uuid,
	"is_parent" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"lead_unit_code" text NOT NULL,
	"deadline" date,
	"continuous" boolean DEFAULT false NOT NULL,
	"cadence" text,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"result" text,
	"last_progress_on" date,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "core"."directive_references" ADD CONSTRAINT "directive_references_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "core"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD CONSTRAINT "escalations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "core"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD CONSTRAINT "escalations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."evidence_files" ADD CONSTRAINT "evidence_files_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "core"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."evidence_files" ADD CONSTRAINT "evidence_files_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."measurements" ADD CONSTRAINT "measurements_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "core"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."reminders" ADD CONSTRAINT "reminders_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."report_items" ADD CONSTRAINT "report_items_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "core"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."report_items" ADD CONSTRAINT "report_items_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."targets" ADD CONSTRAINT "targets_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "core"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."targets" ADD CONSTRAINT "targets_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."task_coordinators" ADD CONSTRAINT "task_coordinators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."task_updates" ADD CONSTRAINT "task_updates_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD CONSTRAINT "tasks_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "core"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_references_directive_idx" ON "core"."directive_references" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "escalations_state_idx" ON "core"."escalations" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "escalations_unit_idx" ON "core"."escalations" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "evidence_report_idx" ON "core"."evidence_files" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_target_date_source_idx" ON "core"."measurements" USING btree ("target_id","as_of","source");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "core"."notifications" USING btree ("unit_code","created_at");--> statement-breakpoint
CREATE INDEX "reminders_task_idx" ON "core"."reminders" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_period_idx" ON "core"."reports" USING btree ("unit_code","period_id");--> statement-breakpoint
CREATE INDEX "reports_state_idx" ON "core"."reports" USING btree ("state","period_id");--> statement-breakpoint
CREATE INDEX "task_coordinators_unit_idx" ON "core"."task_coordinators" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "task_updates_task_idx" ON "core"."task_updates" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "tasks_lead_unit_idx" ON "core"."tasks" USING btree ("lead_unit_code","code");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "core"."tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_directive_idx" ON "core"."tasks" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "core"."tasks" USING btree ("deadline");