CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "calendar_days_year_ck" CHECK ("year" = extract(year from "date")),
	CONSTRAINT "calendar_days_kind_ck" CHECK ("kind" in ('holiday', 'tet', 'substitute_off', 'government_off', 'working_saturday')),
	CONSTRAINT "calendar_days_status_ck" CHECK ("status" in ('confirmed', 'proposed'))
);
--> statement-breakpoint
CREATE INDEX "calendar_days_year_idx" ON "calendar_days" USING btree ("year");
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "calendar_years_status_ck" CHECK ("status" in ('confirmed', 'proposed'))
);
--> statement-breakpoint
CREATE TABLE "calendar_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"username" text NOT NULL,
	"province_code" text NOT NULL,
	"action" text NOT NULL,
	"date" date,
	"year" integer NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE INDEX "calendar_audit_year_idx" ON "calendar_audit" USING btree ("year","at");
