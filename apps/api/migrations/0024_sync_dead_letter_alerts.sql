-- Dead-letter alerts (issue 8): when a change set aside for the portal or a partner system has last
-- been announced to people, per dossier (at most one alert an hour), and which dead letters a
-- province admin has acknowledged on the sync dashboard.
-- No foreign key to dossiers: a change can die because its dossier is gone, and the alert must not fail.
CREATE TABLE "sync_alerts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"alerted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- No foreign key to outbox_messages: delivered messages may be pruned, and a stale row is harmless
-- (an acknowledgement older than the message's latest death does not count).
CREATE TABLE "sync_dead_letter_acks" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"acknowledged_by" uuid NOT NULL REFERENCES "users"("id"),
	"acknowledged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Staff in-app notices share the citizens' notifications table (recipient = the staff user's id, no
-- citizen): this keeps a staff member's inbox an index probe among all the SMS rows without a citizen.
CREATE INDEX "notifications_staff_idx" ON "notifications" ("recipient", "created_at") WHERE "citizen_id" IS NULL AND "channel" = 'inapp';
