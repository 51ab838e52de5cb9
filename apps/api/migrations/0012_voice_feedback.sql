-- Voice of the citizen (issue 6, part B): one rating per returned dossier, and petitions (PAKN)
-- with their own legal deadlines. Named to sort after 0012_payments.
CREATE TABLE "dossier_ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"overall" text NOT NULL,
	"time_rating" text,
	"attitude_rating" text,
	"visits_rating" text,
	"transparency_rating" text,
	"comment" text,
	"channel" text NOT NULL,
	"rated_by" uuid,
	"ticket_id" uuid,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_ratings_overall_ck" CHECK ("overall" IN ('very_satisfied', 'satisfied', 'dissatisfied')),
	CONSTRAINT "dossier_ratings_channel_ck" CHECK ("channel" IN ('online', 'counter', 'kiosk'))
);
--> statement-breakpoint
CREATE INDEX "dossier_ratings_center_idx" ON "dossier_ratings" ("center_id", "rated_at");
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"dossier_id" uuid REFERENCES "dossiers"("id"),
	"dossier_code_given" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"submitter_name" text,
	"anonymous" boolean NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"citizen_id" uuid,
	"secret_hash" text NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"refuse_by" timestamp with time zone NOT NULL,
	"info_by" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"info_request" text,
	"info_requested_at" timestamp with time zone,
	"info_reply" text,
	"info_replied_at" timestamp with time zone,
	"answer" text,
	"refusal_reason" text,
	"closed_at" timestamp with time zone,
	"handled_by" uuid,
	"outcome" text,
	"satisfaction" text,
	"satisfaction_at" timestamp with time zone,
	"repeat_of" uuid,
	"version" integer NOT NULL DEFAULT 1,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petitions_kind_ck" CHECK ("kind" IN ('complaint', 'suggestion')),
	CONSTRAINT "petitions_status_ck" CHECK ("status" IN ('received', 'info_requested', 'refused', 'answered')),
	CONSTRAINT "petitions_contact_ck" CHECK ("contact_phone" IS NOT NULL OR "contact_email" IS NOT NULL OR "citizen_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "petitions_code_uq" ON "petitions" ("code");
--> statement-breakpoint
CREATE INDEX "petitions_center_idx" ON "petitions" ("center_id", "status", "due_at");
--> statement-breakpoint
CREATE INDEX "petitions_contact_idx" ON "petitions" ("contact_phone", "received_at");
--> statement-breakpoint
-- Petition numbers per province and year, gap-free like dossier codes.
CREATE TABLE "petition_sequences" (
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	PRIMARY KEY ("province_code", "year")
);
