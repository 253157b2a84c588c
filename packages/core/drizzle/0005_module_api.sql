CREATE TABLE "core"."report_reminders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"unit_code" text NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" text NOT NULL,
	"module_id" text,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."task_followers" (
	"task_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"username" text NOT NULL,
	"module_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_followers_task_id_user_id_pk" PRIMARY KEY("task_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "core"."task_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"task_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"label" text,
	"path" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD COLUMN "module_id" text;--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD COLUMN "link_path" text;--> statement-breakpoint
ALTER TABLE "core"."escalations" ADD COLUMN "link_label" text;--> statement-breakpoint
ALTER TABLE "core"."tasks" ADD COLUMN "opened_by_module" text;--> statement-breakpoint
ALTER TABLE "core"."task_followers" ADD CONSTRAINT "task_followers_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "core"."task_links" ADD CONSTRAINT "task_links_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "core"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminders_period_unit_day_idx" ON "core"."report_reminders" USING btree ("period_id","unit_code","sent_on");--> statement-breakpoint
CREATE INDEX "task_followers_user_idx" ON "core"."task_followers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_links_module_task_entity_idx" ON "core"."task_links" USING btree ("module_id","task_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "task_links_module_entity_idx" ON "core"."task_links" USING btree ("module_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "task_links_task_idx" ON "core"."task_links" USING btree ("task_id");