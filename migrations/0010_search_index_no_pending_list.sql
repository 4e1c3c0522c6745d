-- New entries go straight into the search indexes (no GIN pending list). With a pending list every
-- search scanned it, and the write that found it full merged it while holding up the other writers:
-- under 16 concurrent creates and claims, p99 of 400-1,400 ms in some runs. PostgreSQL's GIN tips:
-- "if consistent response time is more important than update speed", turn fastupdate off. Each
-- insert then costs a little more PostgreSQL CPU (within this VM's run-to-run noise in the bench).
ALTER INDEX "customers_search_trgm_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "customers_search_grams_idx" SET (fastupdate = off);--> statement-breakpoint
-- Merge what is pending now; with fastupdate off nothing would merge it later.
SELECT gin_clean_pending_list('customers_search_trgm_idx'::regclass), gin_clean_pending_list('customers_search_grams_idx'::regclass);
