-- 客户名称 sorts by pinyin: a key made in the application (name-sort.ts; PGlite has no ICU collation).
-- Existing rows get theirs from the job customers.name-sort-keys, in batches after the upgrade (the
-- partial index finds those still waiting, and is empty once it has caught up); until then they sort
-- at one end of a list sorted by name.
ALTER TABLE "customers" ADD COLUMN "name_sort" text;--> statement-breakpoint
CREATE INDEX "customers_name_sort_idx" ON "customers" USING btree ("name_sort" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_name_sort_missing_idx" ON "customers" USING btree ("id") WHERE "customers"."name_sort" is null;