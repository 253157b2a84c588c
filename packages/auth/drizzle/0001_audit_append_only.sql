-- The audit trail is evidence: once written, a row can be neither changed nor removed,
-- whatever the application code (or a hand-typed query) tries.
CREATE FUNCTION "auth"."audit_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'auth.audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_refuse_update_delete"
  BEFORE UPDATE OR DELETE ON "auth"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "auth"."audit_log_refuse_change"();
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE; a statement trigger does.
CREATE TRIGGER "audit_log_refuse_truncate"
  BEFORE TRUNCATE ON "auth"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "auth"."audit_log_refuse_change"();
