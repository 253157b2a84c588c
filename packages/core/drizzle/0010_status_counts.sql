CREATE TABLE "core"."data_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "core"."task_status_events" (
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_status_events_grain_bucket_unit_code_kind_pk" PRIMARY KEY("grain","bucket","unit_code","kind")
);
--> statement-breakpoint
CREATE TABLE "core"."task_status_snapshot" (
	"as_of" date NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_status_snapshot_as_of_unit_code_kind_pk" PRIMARY KEY("as_of","unit_code","kind")
);
--> statement-breakpoint
CREATE TABLE "core"."task_unit_totals" (
	"unit_code" text PRIMARY KEY NOT NULL,
	"dated" integer DEFAULT 0 NOT NULL,
	"continuous" integer DEFAULT 0 NOT NULL,
	"extended" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The overview's counts, kept in the transaction of every write to core.tasks (schema.ts,
-- "taskStatusEvents"): each change of a task takes its old events away and adds its new ones.
-- A counted task is a leaf that is not cancelled. Its events (domain/status-events.ts):
--   due                 on deadline                (due within the periods holding it)
--   past_deadline       on deadline + 1            (overdue from then, unless done)
--   done_on_time        on completed_on, when completed_on <= deadline or no deadline
--   done_late           on completed_on, when completed_on > deadline
--   past_deadline_done  on greatest(deadline + 1, completed_on)  (done and past its deadline)
-- Rows are applied in key order, so that two statements never wait for each other's rows in
-- opposite orders.
CREATE FUNCTION "core"."apply_task_count_changes"("old_rows" "core"."tasks"[], "new_rows" "core"."tasks"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Shared with every other writer; the snapshot's move to a new date takes it alone
  -- (roll_task_status_snapshot), so that no write is half in the old date's counts.
  PERFORM pg_advisory_xact_lock_shared(2458009);
  WITH changed AS (
    SELECT -1 AS delta, o.* FROM unnest(old_rows) AS o
    UNION ALL
    SELECT 1 AS delta, n.* FROM unnest(new_rows) AS n
  ), counted AS (
    SELECT * FROM changed WHERE NOT is_parent AND state = 'active'
  ), events AS (
    SELECT lead_unit_code AS unit_code, 'done_on_time' AS kind, completed_on AS day, delta FROM counted
      WHERE NOT continuous AND completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline)
    UNION ALL
    SELECT lead_unit_code, 'done_late', completed_on, delta FROM counted
      WHERE NOT continuous AND completed_on > deadline
    UNION ALL
    SELECT lead_unit_code, 'due', deadline, delta FROM counted
      WHERE NOT continuous AND deadline IS NOT NULL
    UNION ALL
    SELECT lead_unit_code, 'past_deadline', deadline + 1, delta FROM counted
      WHERE NOT continuous AND deadline IS NOT NULL
    UNION ALL
    SELECT lead_unit_code, 'past_deadline_done', greatest(deadline + 1, completed_on), delta FROM counted
      WHERE NOT continuous AND deadline IS NOT NULL AND completed_on IS NOT NULL
  ), net AS (
    SELECT unit_code, kind, day, sum(delta)::int AS n FROM events GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
  ), buckets AS (
    SELECT 'y' AS grain, date_trunc('year', day::timestamp)::date AS bucket, unit_code, kind, sum(n)::int AS n FROM net GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'm', date_trunc('month', day::timestamp)::date, unit_code, kind, sum(n)::int FROM net GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'd', day, unit_code, kind, n FROM net
  )
  , kept AS (
    INSERT INTO "core"."task_status_events" AS e ("grain", "bucket", "unit_code", "kind", "n")
    SELECT grain, bucket, unit_code, kind, n FROM buckets WHERE n <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ("grain", "bucket", "unit_code", "kind") DO UPDATE SET "n" = e."n" + excluded."n"
    RETURNING 1
  )
  -- The events up to the snapshot's date change its counts too.
  INSERT INTO "core"."task_status_snapshot" AS s ("as_of", "unit_code", "kind", "n")
  SELECT d.as_of, net.unit_code, net.kind, sum(net.n)::int FROM net JOIN (SELECT DISTINCT "as_of" FROM "core"."task_status_snapshot") AS d ON net.day <= d.as_of
  GROUP BY 1, 2, 3 HAVING sum(net.n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("as_of", "unit_code", "kind") DO UPDATE SET "n" = s."n" + excluded."n";

  WITH changed AS (
    SELECT -1 AS delta, o.* FROM unnest(old_rows) AS o
    UNION ALL
    SELECT 1 AS delta, n.* FROM unnest(new_rows) AS n
  ), net AS (
    SELECT lead_unit_code AS unit_code,
      coalesce(sum(delta) FILTER (WHERE NOT continuous), 0)::int AS dated,
      coalesce(sum(delta) FILTER (WHERE continuous), 0)::int AS continuous,
      coalesce(sum(delta) FILTER (WHERE original_deadline IS NOT NULL), 0)::int AS extended
    FROM changed WHERE NOT is_parent AND state = 'active' GROUP BY 1
  )
  INSERT INTO "core"."task_unit_totals" AS t ("unit_code", "dated", "continuous", "extended")
  SELECT unit_code, dated, continuous, extended FROM net WHERE dated <> 0 OR continuous <> 0 OR extended <> 0 ORDER BY 1
  ON CONFLICT ("unit_code") DO UPDATE SET "dated" = t."dated" + excluded."dated", "continuous" = t."continuous" + excluded."continuous", "extended" = t."extended" + excluded."extended";
END;
$$;
--> statement-breakpoint
-- Statement triggers with transition tables: one call per statement, however many rows it
-- writes (a directive issued to every unit, a generated city). A trigger with transition
-- tables has one event, hence three.
CREATE FUNCTION "core"."tasks_count_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "core"."apply_task_count_changes"(ARRAY[]::"core"."tasks"[], (SELECT coalesce(array_agg(r::"core"."tasks"), ARRAY[]::"core"."tasks"[]) FROM new_rows AS r));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "core"."tasks_count_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "core"."apply_task_count_changes"(
    (SELECT coalesce(array_agg(r::"core"."tasks"), ARRAY[]::"core"."tasks"[]) FROM old_rows AS r),
    (SELECT coalesce(array_agg(r::"core"."tasks"), ARRAY[]::"core"."tasks"[]) FROM new_rows AS r));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "core"."tasks_count_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "core"."apply_task_count_changes"((SELECT coalesce(array_agg(r::"core"."tasks"), ARRAY[]::"core"."tasks"[]) FROM old_rows AS r), ARRAY[]::"core"."tasks"[]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_count_insert" AFTER INSERT ON "core"."tasks"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "core"."tasks_count_inserted"();
--> statement-breakpoint
CREATE TRIGGER "tasks_count_update" AFTER UPDATE ON "core"."tasks"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "core"."tasks_count_updated"();
--> statement-breakpoint
CREATE TRIGGER "tasks_count_delete" AFTER DELETE ON "core"."tasks"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "core"."tasks_count_deleted"();
--> statement-breakpoint
-- The tasks written before this migration.
SELECT "core"."apply_task_count_changes"(ARRAY[]::"core"."tasks"[], (SELECT coalesce(array_agg(t::"core"."tasks"), ARRAY[]::"core"."tasks"[]) FROM "core"."tasks" AS t));
--> statement-breakpoint
-- Emptying the tasks empties their counts (row and statement triggers do not see a TRUNCATE).
CREATE FUNCTION "core"."tasks_count_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "core"."task_status_events", "core"."task_unit_totals", "core"."task_status_snapshot";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "tasks_count_truncate" AFTER TRUNCATE ON "core"."tasks"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."tasks_count_truncated"();
--> statement-breakpoint
-- Moves the snapshot (the events up to one date, by unit and kind: what the overview reads for
-- today) to `target`, computed from the day, month and year buckets. Only when no write is
-- under way (the lock every writer shares): otherwise it leaves the snapshot where it is and
-- the reader sums the buckets itself this time. Answers the snapshot's date.
CREATE FUNCTION "core"."roll_task_status_snapshot"("target" date) RETURNS date
LANGUAGE plpgsql AS $$
DECLARE
  "current" date;
BEGIN
  SELECT max("as_of") INTO "current" FROM "core"."task_status_snapshot";
  IF "current" = "target" THEN RETURN "current"; END IF;
  IF NOT pg_try_advisory_xact_lock(2458009) THEN RETURN "current"; END IF;
  SELECT max("as_of") INTO "current" FROM "core"."task_status_snapshot";
  IF "current" = "target" THEN RETURN "current"; END IF;
  DELETE FROM "core"."task_status_snapshot";
  INSERT INTO "core"."task_status_snapshot" ("as_of", "unit_code", "kind", "n")
  SELECT "target", unit_code, kind, sum(n)::int FROM (
    SELECT unit_code, kind, n FROM "core"."task_status_events" WHERE grain = 'y' AND bucket < date_trunc('year', "target"::timestamp)::date
    UNION ALL
    SELECT unit_code, kind, n FROM "core"."task_status_events" WHERE grain = 'm' AND bucket >= date_trunc('year', "target"::timestamp)::date AND bucket < date_trunc('month', "target"::timestamp)::date
    UNION ALL
    SELECT unit_code, kind, n FROM "core"."task_status_events" WHERE grain = 'd' AND bucket >= date_trunc('month', "target"::timestamp)::date AND bucket <= "target"
  ) AS e GROUP BY 2, 3 HAVING sum(n) <> 0;
  RETURN "target";
END;
$$;
--> statement-breakpoint
INSERT INTO "core"."data_versions" ("name", "version") VALUES ('forecasts', 0);
--> statement-breakpoint
-- Any write to targets or measurements moves the version the overview's forecast classes are cached by.
CREATE FUNCTION "core"."bump_forecasts_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "core"."data_versions" SET "version" = "version" + 1 WHERE "name" = 'forecasts';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "measurements_bump_forecasts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "core"."measurements"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."bump_forecasts_version"();
--> statement-breakpoint
CREATE TRIGGER "targets_bump_forecasts" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "core"."targets"
  FOR EACH STATEMENT EXECUTE FUNCTION "core"."bump_forecasts_version"();
