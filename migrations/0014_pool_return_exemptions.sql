-- A return rule names the customers it spares by key (return-exemptions.ts): 'hot' took over the
-- old exempt_hot flag, 'deal' is new, and later areas add their own (open opportunities).
ALTER TABLE "pool_return_rules" ADD COLUMN "exemptions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "pool_return_rules" SET "exemptions" = '{hot}' WHERE "exempt_hot";--> statement-breakpoint
ALTER TABLE "pool_return_rules" DROP COLUMN "exempt_hot";
