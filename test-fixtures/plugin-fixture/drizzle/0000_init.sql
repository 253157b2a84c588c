CREATE SCHEMA "fixture";
--> statement-breakpoint
CREATE TABLE "fixture"."items" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
