-- When the current owner got the customer (claim, assignment, transfer): the automatic return counts
-- from it too, so a customer just claimed is not sent back the next night. Existing rows stay null
-- (greatest() skips it), so adding the column rewrites nothing at a million customers.
ALTER TABLE "customers" ADD COLUMN "owned_since" timestamp with time zone;
