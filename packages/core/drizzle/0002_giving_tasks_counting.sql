CREATE TABLE "core"."deadline_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_unit_code" text NOT NULL,
	"reason" text NOT NULL,
	"previous_deadline" date NOT NULL,
	"proposed_deadline" date NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."report_versions" (
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"return_reason" text,
	"figures" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "report_versions_report_id_number_pk" PRIMARY KEY("report_id","number")
);
--> statement-breakpoint
CREATE TABLE "core"."task_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"clause" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"assignees" jsonb NOT NULL,
	"follow_up_unit_code" text,
	"coordinator_unit_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"deadline" date,
	"continuous" boolean DEFAULT false NOT NULL,
	"cadence" text DEFAULT 'quarter' NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."evidence_files" ALTER COLUMN "report_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "signer" text;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "state" text DEFAULT 'issued' NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "issued_by" text;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."directives" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "core"."evidence_files" ADD COLUMN "directive_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."reports" ADD COLUMN "submissions" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."targets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."targets" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."targets" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "core"."task_coordinators" ADD COLUMN "inferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "original_deadline" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "deadline_inferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "lead_inferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "assigned_on" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "state" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "completion_entered_on" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "result_doc_number" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "result_doc_date" date;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "result_file_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."deadline_extensions" ADD CONSTRAINT "deadline_extensions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."report_versions" ADD CONSTRAINT "report_versions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "core"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."task_drafts" ADD CONSTRAINT "task_drafts_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "core"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_extensions_task_idx" ON "core"."deadline_extensions" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "deadline_extensions_state_idx" ON "core"."deadline_extensions" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "task_drafts_directive_idx" ON "core"."task_drafts" USING btree ("directive_id","position");--> statement-breakpoint
ALTER TABLE "core"."evidence_files" ADD CONSTRAINT "evidence_files_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "core"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_task_idx" ON "core"."evidence_files" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "evidence_directive_idx" ON "core"."evidence_files" USING btree ("directive_id");--> statement-breakpoint
UPDATE "core"."tasks" AS t SET "assigned_on" = d."issued_on" FROM "core"."directives" AS d WHERE t."directive_id" = d."id" AND t."assigned_on" IS NULL;--> statement-breakpoint
UPDATE "core"."directives" SET "issued_at" = "created_at" WHERE "issued_at" IS NULL AND "state" = 'issued';
