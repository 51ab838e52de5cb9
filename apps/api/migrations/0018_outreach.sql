-- Mobile outreach (lưu động): sessions in villages without coverage, dossiers received offline and
-- synced later. Outreach dossiers are channel 4 (reporting counts them; the portal sees a counter).
ALTER TABLE "dossiers" DROP CONSTRAINT IF EXISTS "dossiers_channel_check";
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_channel_check" CHECK ("channel" IN (1, 2, 3, 4));
--> statement-breakpoint
CREATE TABLE "outreach_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"place" text NOT NULL,
	"session_date" date NOT NULL,
	"team" jsonb NOT NULL,
	"procedure_codes" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outreach_sessions_center_idx" ON "outreach_sessions" ("center_id", "session_date");
--> statement-breakpoint
-- One row per dossier the device received: the client's idempotency key → the official dossier,
-- or the conflict shown to the officer. Never deleted.
CREATE TABLE "outreach_submissions" (
	"key" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL REFERENCES "outreach_sessions"("id"),
	"local_number" text NOT NULL,
	"procedure_code" text NOT NULL,
	"state" text NOT NULL CHECK ("state" IN ('synced', 'conflict')),
	"dossier_id" uuid REFERENCES "dossiers"("id"),
	"on_spot" boolean DEFAULT false NOT NULL,
	"conflict" jsonb,
	"received_at" timestamp with time zone NOT NULL,
	"synced_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outreach_submissions_session_idx" ON "outreach_submissions" ("session_id");
--> statement-breakpoint
-- Resumable uploads of the photos taken offline; the declared SHA-256 is checked at the end.
CREATE TABLE "outreach_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_key" uuid NOT NULL REFERENCES "outreach_submissions"("key"),
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"item_id" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL CHECK ("status" IN ('uploading', 'complete')),
	"file_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_uploads_declared_idx" ON "outreach_uploads" ("submission_key", "item_id", "sha256");
