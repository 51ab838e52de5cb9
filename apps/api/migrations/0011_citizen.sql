-- Citizen portal (issue 6, part A): citizen accounts and one-time codes, consents, drafts and
-- resumable uploads, online dossiers with what was reused (once-only), notifications, tracking.

-- Server-side secrets generated once per database (the tracking secret printed on Form 01 is derived from one).
CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
INSERT INTO "app_secrets" ("name", "value") VALUES ('tracking', encode(gen_random_bytes(32), 'hex')) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Failed public tracking look-ups per dossier code (known or not), for a lockout that reveals nothing.
CREATE TABLE "tracking_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer NOT NULL
);
--> statement-breakpoint
-- A citizen is a `users` row with role 'citizen' (so sessions work unchanged) plus this profile.
CREATE TABLE "citizens" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id"),
	"phone" text NOT NULL,
	"oidc_subject" text,
	"id_number" text,
	"full_name" text,
	"email" text,
	"language" text NOT NULL DEFAULT 'vi',
	"channels" text[] NOT NULL DEFAULT '{sms,inapp}',
	"volunteer_center_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_phone_uq" ON "citizens" ("phone");
--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_oidc_uq" ON "citizens" ("oidc_subject");
--> statement-breakpoint
-- One-time sign-in codes: only a hash is kept; expiring, attempt-limited, counted per phone and IP.
CREATE TABLE "otp_challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL DEFAULT 0,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "otp_challenges_phone_idx" ON "otp_challenges" ("phone", "created_at");
--> statement-breakpoint
CREATE INDEX "otp_challenges_ip_idx" ON "otp_challenges" ("ip", "created_at");
--> statement-breakpoint
-- Consents: to read the population registry, or to be helped by an officer / volunteer.
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL REFERENCES "citizens"("user_id"),
	"purpose" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"statement" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consents_citizen_idx" ON "consents" ("citizen_id", "purpose", "given_at");
--> statement-breakpoint
-- Online drafts: saved on one device, resumed on another; compare-and-set on version.
CREATE TABLE "citizen_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL REFERENCES "citizens"("user_id"),
	"procedure_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"helper_id" uuid,
	"version" integer NOT NULL DEFAULT 1,
	"submitted_dossier_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizen_drafts_citizen_idx" ON "citizen_drafts" ("citizen_id", "updated_at");
--> statement-breakpoint
-- The citizen's own document store: resumable uploads (bytes received so far) and earlier results.
CREATE TABLE "citizen_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL REFERENCES "citizens"("user_id"),
	"item_id" text,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"received" integer NOT NULL DEFAULT 0,
	"file_key" text NOT NULL,
	"sha256" text,
	"status" text NOT NULL,
	"source" text NOT NULL DEFAULT 'upload',
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "citizen_files_citizen_idx" ON "citizen_files" ("citizen_id", "created_at");
--> statement-breakpoint
-- Who filed an online dossier, who helped (assisted mode) and with which consent, and whether
-- the population registry was used: per-dossier flags the scoring reads.
CREATE TABLE "dossier_online" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"citizen_id" uuid NOT NULL REFERENCES "citizens"("user_id"),
	"draft_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"helper_id" uuid,
	"helper_role" text,
	"consent_id" uuid,
	"population_data_used" boolean NOT NULL DEFAULT false,
	"reused_components" integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE INDEX "dossier_online_citizen_idx" ON "dossier_online" ("citizen_id", "submitted_at");
--> statement-breakpoint
-- Each dossier component taken from data already held instead of asking the citizen again.
CREATE TABLE "dossier_reuse" (
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"item_id" text NOT NULL,
	"source" text NOT NULL,
	"ref" text,
	PRIMARY KEY ("dossier_id", "item_id")
);
--> statement-breakpoint
-- Every notification sent to a citizen (SMS, e-mail, in-app) with its delivery status.
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid,
	"dossier_id" uuid,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"lang" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer NOT NULL DEFAULT 0,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notifications_citizen_idx" ON "notifications" ("citizen_id", "created_at");
--> statement-breakpoint
CREATE INDEX "notifications_dossier_idx" ON "notifications" ("dossier_id");
