CREATE TABLE "dictionary_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dictionary_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dict_type" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"contact_id" bigint,
	"kind" text NOT NULL,
	"event" text,
	"params" jsonb,
	"content" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_contact_at" timestamp with time zone,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"mobile" text,
	"phone" text,
	"email" text,
	"wechat" text,
	"is_decision_maker" boolean DEFAULT false NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"remark" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"daily_claim_limit" integer DEFAULT 20 NOT NULL,
	"reclaim_block_days" integer DEFAULT 7 NOT NULL,
	"max_owned_per_user" integer DEFAULT 0 NOT NULL,
	"allow_duplicate_name" boolean DEFAULT false NOT NULL,
	"allow_duplicate_phone" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_shares" (
	"customer_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"access" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_shares_customer_id_user_id_pk" PRIMARY KEY("customer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"industry" text,
	"scale" text,
	"source" text,
	"level" text,
	"status" text,
	"province" text,
	"city" text,
	"district" text,
	"address" text,
	"phone" text,
	"website" text,
	"credit_code" text,
	"gender" text,
	"mobile" text,
	"wechat" text,
	"birthday" date,
	"remark" text,
	"owner_id" integer,
	"department_id" integer,
	"previous_owner_id" integer,
	"pool_released_at" timestamp with time zone,
	"pool_reason" text,
	"is_hot" boolean DEFAULT false NOT NULL,
	"hot_at" timestamp with time zone,
	"last_followup_at" timestamp with time zone,
	"next_contact_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" integer
);
--> statement-breakpoint
CREATE TABLE "pool_claims" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pool_claims_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_scenes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_scenes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"list_key" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"columns" jsonb,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_shares" ADD CONSTRAINT "customer_shares_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dictionary_items_type_code_uq" ON "dictionary_items" USING btree ("dict_type","code");--> statement-breakpoint
CREATE INDEX "dictionary_items_type_idx" ON "dictionary_items" USING btree ("dict_type","sort");--> statement-breakpoint
CREATE INDEX "activities_customer_idx" ON "activities" USING btree ("customer_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_user_idx" ON "activities" USING btree ("user_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("customer_id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_mobile_idx" ON "contacts" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "contacts_phone_idx" ON "contacts" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customer_shares_user_idx" ON "customer_shares" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "customers_owner_updated_idx" ON "customers" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_department_updated_idx" ON "customers" USING btree ("department_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_pool_idx" ON "customers" USING btree ("pool_released_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "customers"."owner_id" is null and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_owner_next_contact_idx" ON "customers" USING btree ("owner_id","next_contact_at") WHERE "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_hot_idx" ON "customers" USING btree ("owner_id","hot_at" DESC NULLS LAST) WHERE "customers"."is_hot" and "customers"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "customers_search_trgm_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customers_mobile_idx" ON "customers" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "customers_deleted_idx" ON "customers" USING btree ("deleted_at") WHERE "customers"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "pool_claims_user_idx" ON "pool_claims" USING btree ("user_id","claimed_at");--> statement-breakpoint
CREATE INDEX "saved_scenes_user_idx" ON "saved_scenes" USING btree ("user_id","list_key");