-- 查重 compares numbers by their digits (duplicates.ts phoneKey): a landline is kept as typed, and
-- "0755-2666 0001" and caller ID's "075526660001" are one number. The plain indexes on phone served
-- only the exact-text comparison this replaces. Building both takes seconds at a million customers.
DROP INDEX "contacts_phone_idx";--> statement-breakpoint
DROP INDEX "customers_phone_idx";--> statement-breakpoint
CREATE INDEX "contacts_phone_digits_idx" ON "contacts" USING btree (regexp_replace("phone", '[^0-9]', '', 'g'));--> statement-breakpoint
CREATE INDEX "customers_phone_digits_idx" ON "customers" USING btree (regexp_replace("phone", '[^0-9]', '', 'g'));--> statement-breakpoint
-- Statistics for the new expressions: until the next ANALYZE the planner guesses that a number
-- matches thousands of customers and walks the whole table instead (a second at a million).
ANALYZE "customers";--> statement-breakpoint
ANALYZE "contacts";
