-- The journal of chunked imports (src/import.ts): a run, and what each of its slices inserted,
-- so that a run that fails or is cut off (a crash) can be undone: all rows or none.
CREATE SCHEMA IF NOT EXISTS "kit";
--> statement-breakpoint
CREATE TABLE "kit"."import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module" text NOT NULL,
	"actor" text,
	"file_name" text,
	"status" text DEFAULT 'writing' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"touched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_runs_status_check" CHECK ("kit"."import_runs"."status" in ('writing', 'done', 'undone'))
);
--> statement-breakpoint
CREATE INDEX "import_runs_writing" ON "kit"."import_runs" ("touched_at") WHERE "status" = 'writing';
--> statement-breakpoint
CREATE TABLE "kit"."import_slices" (
	"run_id" uuid NOT NULL REFERENCES "kit"."import_runs"("id") ON DELETE CASCADE,
	"seq" integer NOT NULL,
	"target" text NOT NULL,
	"key_columns" jsonb NOT NULL,
	"keys" jsonb NOT NULL,
	"rows" integer NOT NULL,
	PRIMARY KEY ("run_id", "seq")
);
