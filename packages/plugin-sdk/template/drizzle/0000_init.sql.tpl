CREATE SCHEMA "__PLUGIN_SCHEMA__";
--> statement-breakpoint
CREATE TABLE "__PLUGIN_SCHEMA__"."entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"quantity" integer NOT NULL,
	"done_on" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_title_check" CHECK (length("__PLUGIN_SCHEMA__"."entries"."title") between 1 and 300),
	CONSTRAINT "entries_quantity_check" CHECK ("__PLUGIN_SCHEMA__"."entries"."quantity" >= 0)
);
--> statement-breakpoint
CREATE INDEX "entries_unit_idx" ON "__PLUGIN_SCHEMA__"."entries" USING btree ("unit_code","done_on");