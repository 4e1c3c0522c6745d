-- Server copies keep each session's user, roles and scope facts in memory (auth/actor-loader.ts). A
-- change to a table those are read from tells every copy at commit (db/changes.ts), which then
-- forgets what it kept. Row triggers, so that a statement that changes nothing (an owner change
-- removing the new owner's share, when there was none) tells nobody; PostgreSQL folds a
-- transaction's repeated notifications into one.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_changes', TG_ARGV[0]);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A new session is read from the table on its first request; only an ended one must be forgotten.
CREATE TRIGGER sessions_notify_actors AFTER DELETE ON "sessions" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
-- A login's time is not read by a session; the user's name, department, status and supervisor are.
CREATE TRIGGER users_notify_actors AFTER INSERT OR DELETE OR UPDATE OF "username", "name", "department_id", "status", "supervisor_id" ON "users" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER roles_notify_actors AFTER INSERT OR UPDATE OR DELETE ON "roles" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER user_roles_notify_actors AFTER INSERT OR UPDATE OR DELETE ON "user_roles" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER departments_notify_actors AFTER INSERT OR UPDATE OR DELETE ON "departments" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER customer_shares_notify_actors AFTER INSERT OR UPDATE OR DELETE ON "customer_shares" FOR EACH ROW EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
-- TRUNCATE has statement triggers only.
CREATE TRIGGER sessions_truncate_notify_actors AFTER TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER users_truncate_notify_actors AFTER TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER roles_truncate_notify_actors AFTER TRUNCATE ON "roles" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER user_roles_truncate_notify_actors AFTER TRUNCATE ON "user_roles" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER departments_truncate_notify_actors AFTER TRUNCATE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER customer_shares_truncate_notify_actors AFTER TRUNCATE ON "customer_shares" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');
