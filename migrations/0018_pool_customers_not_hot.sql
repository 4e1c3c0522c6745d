-- A customer in the pool is nobody's 热点: releases and automatic returns now clear the mark, and
-- this clears it on customers already in the pool (else a claim would hand the old mark on).
UPDATE "customers" SET "is_hot" = false, "hot_at" = NULL WHERE "owner_id" IS NULL AND "is_hot";
