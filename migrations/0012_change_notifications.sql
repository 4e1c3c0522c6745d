-- Server copies keep each session's user, roles and scope facts in memory (session-cache.ts). A
-- change to any table those are read from tells every copy at commit (db/changes.ts), which then
-- forgets what it kept. One notification per statement; PostgreSQL folds a transaction's repeats.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crm_changes', TG_ARGV[0]);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A new session is read from the table on its first request; only an ended one must be forgotten.
CREATE TRIGGER sessions_notify_actors AFTER DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER users_notify_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER roles_notify_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roles" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER user_roles_notify_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_roles" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER departments_notify_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');--> statement-breakpoint
CREATE TRIGGER customer_shares_notify_actors AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "customer_shares" FOR EACH STATEMENT EXECUTE FUNCTION notify_change('actors');
