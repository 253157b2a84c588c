CREATE TABLE "core"."par_unit_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"unit_code" text NOT NULL,
	"score" double precision NOT NULL,
	"source" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."scorecard_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"what" text NOT NULL,
	"owner_unit_code" text NOT NULL,
	"due_on" date NOT NULL,
	"task_id" uuid,
	"escalation_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."scorecard_estimates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"node_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"evidence" text NOT NULL,
	"as_of" date NOT NULL,
	"by_username" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."scorecard_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"max_points" double precision,
	"weight" double precision,
	"last_year_score" double precision,
	"target" double precision,
	"margin" double precision,
	"owner_unit_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimate" double precision,
	"estimate_evidence" text,
	"estimate_on" date,
	"estimated_by" text,
	"source" text,
	"unverified" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"index_kind" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"owner_unit_code" text NOT NULL,
	"task_id" uuid,
	"target_id" uuid,
	"last_year_rank" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unverified_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD COLUMN "scorecard_node_id" uuid;--> statement-breakpoint
ALTER TABLE "core"."scorecard_actions" ADD CONSTRAINT "scorecard_actions_node_id_scorecard_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "core"."scorecard_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecard_actions" ADD CONSTRAINT "scorecard_actions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecard_actions" ADD CONSTRAINT "scorecard_actions_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "core"."escalations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecard_estimates" ADD CONSTRAINT "scorecard_estimates_node_id_scorecard_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "core"."scorecard_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecard_nodes" ADD CONSTRAINT "scorecard_nodes_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "core"."scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecards" ADD CONSTRAINT "scorecards_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."scorecards" ADD CONSTRAINT "scorecards_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "core"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "par_unit_scores_year_unit_idx" ON "core"."par_unit_scores" USING btree ("year","unit_code");--> statement-breakpoint
CREATE INDEX "scorecard_actions_node_idx" ON "core"."scorecard_actions" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "scorecard_estimates_node_idx" ON "core"."scorecard_estimates" USING btree ("node_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_nodes_code_idx" ON "core"."scorecard_nodes" USING btree ("scorecard_id","code");--> statement-breakpoint
CREATE INDEX "scorecard_nodes_parent_idx" ON "core"."scorecard_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_index_year_idx" ON "core"."scorecards" USING btree ("index_kind","year");--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD CONSTRAINT "escalations_scorecard_node_id_scorecard_nodes_id_fk" FOREIGN KEY ("scorecard_node_id") REFERENCES "core"."scorecard_nodes"("id") ON DELETE set null ON UPDATE no action;