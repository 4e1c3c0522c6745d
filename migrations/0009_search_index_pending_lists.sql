-- The search indexes' pending lists (GIN fastupdate) held up to 4 MB of new entries, which every
-- search scans in full: ~430 pages per search after a few thousand new customers. 256 kB keeps
-- that scan short; new entries still go in cheaply and are merged in smaller, more frequent steps.
ALTER INDEX "customers_search_trgm_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "customers_search_grams_idx" SET (gin_pending_list_limit = 256);
