-- The version the overview's figures are memoised by (overview.ts): it moves once in every
-- transaction that writes tasks, reminders or units, at its commit. The triggers are deferred
-- (constraint triggers, fired at commit) and the first one in a transaction does the update,
-- so that the one row is locked for the moment of the commit only, not for the length of a long
-- import: other units' writes do not queue behind it.
INSERT INTO "core"."data_versions" ("name", "version") VALUES ('overview', 0);
--> statement-breakpoint
CREATE FUNCTION "core"."bump_overview_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Transaction-local: reset at the transaction's end.
  IF current_setting('dondoc.overview_bumped', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('dondoc.overview_bumped', 'yes', true);
    UPDATE "core"."data_versions" SET "version" = "version" + 1 WHERE "name" = 'overview';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "tasks_bump_overview" AFTER INSERT OR UPDATE OR DELETE ON "core"."tasks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "core"."bump_overview_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reminders_bump_overview" AFTER INSERT OR UPDATE OR DELETE ON "core"."reminders"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "core"."bump_overview_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "units_bump_overview" AFTER INSERT OR UPDATE OR DELETE ON "auth"."units"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "core"."bump_overview_version"();
--> statement-breakpoint
-- TRUNCATE has no row to defer on; it is rare (tests, a reset) and takes the table's lock anyway.
CREATE TRIGGER "tasks_truncate_bump_overview" AFTER TRUNCATE ON "core"."tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."bump_overview_version"();
--> statement-breakpoint
CREATE TRIGGER "reminders_truncate_bump_overview" AFTER TRUNCATE ON "core"."reminders"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."bump_overview_version"();
