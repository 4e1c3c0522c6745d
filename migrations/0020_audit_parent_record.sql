-- An audit entry may name the record it belongs to (a contact's or an attachment's customer), so
-- that record's 操作记录 lists it too.
ALTER TABLE "audit_log" ADD COLUMN "parent_type" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "parent_id" text;--> statement-breakpoint
-- Earlier entries of contacts, and of attachments still on file, get their customer (a deleted
-- attachment's row is gone, so its entries stay unlinked; its 行动历史 event names it).
UPDATE "audit_log" AS a SET "parent_type" = 'customer', "parent_id" = c.customer_id::text
  FROM "contacts" AS c
 WHERE a.entity_type = 'contact' AND a.entity_id = c.id::text;--> statement-breakpoint
UPDATE "audit_log" AS a SET "parent_type" = 'customer', "parent_id" = f.customer_id::text
  FROM "customer_attachments" AS f
 WHERE a.entity_type = 'customer_attachment' AND a.entity_id = f.id::text;--> statement-breakpoint
CREATE INDEX "audit_parent_idx" ON "audit_log" USING btree ("parent_type","parent_id","at") WHERE "audit_log"."parent_type" is not null;
