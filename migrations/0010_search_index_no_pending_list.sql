-- On PostgreSQL new entries go straight into the search indexes (no GIN pending list). With a
-- pending list every search scanned it, and the write that found it full merged it while holding up
-- the other writers: under 16 concurrent creates and claims, p99 of 400-1,400 ms in some runs.
-- PostgreSQL's GIN tips: "if consistent response time is more important than update speed", turn
-- fastupdate off. Each insert then costs a little more PostgreSQL CPU.
-- PGlite keeps its short list (migration 0009): one process answering one query at a time has no
-- other writers to hold up, and there a create costs more without it (medians of 11-14 ms with it,
-- 15-17 ms without, in three alternating runs at 50,000 customers).
DO $$
BEGIN
  IF version() NOT LIKE '%PGlite%' THEN
    ALTER INDEX "customers_search_trgm_idx" SET (fastupdate = off);
    ALTER INDEX "customers_search_grams_idx" SET (fastupdate = off);
    -- Merge what is pending now; with fastupdate off nothing would merge it later.
    PERFORM gin_clean_pending_list('customers_search_trgm_idx'::regclass), gin_clean_pending_list('customers_search_grams_idx'::regclass);
  END IF;
END $$;
