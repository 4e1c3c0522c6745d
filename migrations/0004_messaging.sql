CREATE TABLE "messaging_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"smtp_host" text DEFAULT '' NOT NULL,
	"smtp_port" integer DEFAULT 465 NOT NULL,
	"smtp_security" text DEFAULT 'tls' NOT NULL,
	"smtp_user" text DEFAULT '' NOT NULL,
	"smtp_password" text,
	"from_address" text DEFAULT '' NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"sms_url" text DEFAULT '' NOT NULL,
	"sms_method" text DEFAULT 'POST' NOT NULL,
	"sms_template" text DEFAULT '' NOT NULL,
	"sms_sign" text DEFAULT '' NOT NULL,
	"sms_secret" text,
	"sms_signature_header" text DEFAULT '' NOT NULL,
	"sms_headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
