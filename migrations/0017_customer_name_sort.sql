-- 客户名称 sorts by pinyin: a key made in the application (name-sort.ts; PGlite has no ICU collation).
-- Existing rows get theirs from the job customers.name-sort-keys, in batches after the upgrade (the
-- partial index finds those still waiting, and is empty once it has caught up); until then they sort
-- at one end of a list sorted by name.
-- COLLATE "C": the key is made to be compared byte by byte (a linguistic collation such as en_US or
-- zh_CN skips the spaces and the tab on its first pass, and 昂立 would come before 安徽).
ALTER TABLE "customers" ADD COLUMN "name_sort" text COLLATE "C";--> statement-breakpoint
CREATE INDEX "customers_name_sort_idx" ON "customers" USING btree ("name_sort" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_name_sort_missing_idx" ON "customers" USING btree ("id") WHERE "customers"."name_sort" is null;