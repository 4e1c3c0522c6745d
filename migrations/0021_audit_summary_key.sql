-- An audit entry may carry its summary as an i18n key and values, read in each user's language.
ALTER TABLE "audit_log" ADD COLUMN "summary_key" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "summary_params" jsonb;