CREATE SCHEMA "tttt";
--> statement-breakpoint
CREATE TABLE "tttt"."connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"last_success_on" date,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connections_kind_check" CHECK ("tttt"."connections"."kind" in ('population', 'sector', 'ministry')),
	CONSTRAINT "connections_status_check" CHECK ("tttt"."connections"."status" in ('planned', 'testing', 'live', 'broken'))
);
--> statement-breakpoint
CREATE TABLE "tttt"."features" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"deadline" date,
	"status" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "features_status_check" CHECK ("tttt"."features"."status" in ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "tttt"."findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"severity" text NOT NULL,
	"deadline" date NOT NULL,
	"resolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_severity_check" CHECK ("tttt"."findings"."severity" in ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "tttt"."incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_order_check" CHECK ("tttt"."incidents"."ended_at" is null or "tttt"."incidents"."ended_at" >= "tttt"."incidents"."started_at")
);
--> statement-breakpoint
CREATE TABLE "tttt"."plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"deadline" date,
	"task_id" uuid,
	"task_code" text,
	CONSTRAINT "plan_items_title_check" CHECK (length("tttt"."plan_items"."title") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "tttt"."plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"document_date" date,
	"summary" text,
	"content_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submissions" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_state_check" CHECK ("tttt"."plans"."state" in ('draft', 'submitted', 'returned', 'approved')),
	CONSTRAINT "plans_title_check" CHECK (length("tttt"."plans"."title") between 1 and 500),
	CONSTRAINT "plans_year_check" CHECK ("tttt"."plans"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "tttt"."required_contents" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "required_contents_title_check" CHECK (length("tttt"."required_contents"."title") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "tttt"."settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"stale_after_days" integer NOT NULL,
	"security_level" integer NOT NULL,
	"last_assessed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_single_check" CHECK ("tttt"."settings"."id" = 1),
	CONSTRAINT "settings_stale_check" CHECK ("tttt"."settings"."stale_after_days" between 0 and 365),
	CONSTRAINT "settings_level_check" CHECK ("tttt"."settings"."security_level" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "tttt"."incidents" ADD CONSTRAINT "incidents_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "tttt"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tttt"."plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "tttt"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connections_name_idx" ON "tttt"."connections" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "features_name_idx" ON "tttt"."features" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "incidents_connection_idx" ON "tttt"."incidents" USING btree ("connection_id","started_at");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "tttt"."plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_unit_year_idx" ON "tttt"."plans" USING btree ("unit_code","year");--> statement-breakpoint
CREATE INDEX "plans_year_state_idx" ON "tttt"."plans" USING btree ("year","state");