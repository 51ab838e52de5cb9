-- Sync with the National Public Service Portal and partner systems (issue 8).
-- What the portal has acknowledged, per dossier: the reports module reads "synced to portal" here.
CREATE TABLE "sync_state" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"last_acked_seq" integer NOT NULL,
	"portal_status" smallint NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"acked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sync_state_center_idx" ON "sync_state" ("province_code", "center_id");
--> statement-breakpoint
-- One row per acknowledged change and target system: lag percentiles per center come from here.
CREATE TABLE "sync_acks" (
	"target" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"acked_at" timestamp with time zone NOT NULL,
	"lag_ms" integer NOT NULL,
	PRIMARY KEY ("target", "dossier_id", "seq")
);
--> statement-breakpoint
CREATE INDEX "sync_acks_center_idx" ON "sync_acks" ("province_code", "center_id", "acked_at");
--> statement-breakpoint
-- Cumulative counters shared by every worker process (lag histogram buckets, failures), read by /metrics.
CREATE TABLE "sync_counters" (
	"target" text NOT NULL,
	"name" text NOT NULL,
	"value" double precision NOT NULL,
	PRIMARY KEY ("target", "name")
);
--> statement-breakpoint
-- Integrators' URLs per province that receive signed (HMAC-SHA256) dossier events.
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_province_idx" ON "webhook_subscriptions" ("province_code", "active");
--> statement-breakpoint
-- Each comparison of what the portal holds with what we hold, and every difference found.
CREATE TABLE "sync_reconciliations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"checked" integer NOT NULL,
	"differences" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sync_reconciliations_province_idx" ON "sync_reconciliations" ("province_code", "ran_at");
--> statement-breakpoint
-- The claim walks due messages in (next_attempt_at, id) order and stops at its limit: the index
-- must give that exact order, or every waiting message is read and sorted (~1 s in a 100k backlog).
DROP INDEX "outbox_due_idx";
--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" ("status", "next_attempt_at", "id");
--> statement-breakpoint
-- The outbox claim looks for an older unfinished message with the same ordering key for every
-- candidate; without this index that is a scan per candidate, quadratic in a large backlog.
CREATE INDEX "outbox_ordering_idx" ON "outbox_messages" ("topic", "ordering_key", "created_at", "id") WHERE "status" <> 'done';
