-- Satisfaction with a queue visit (not with a dossier: that is the feedback module's rating).
-- One row per finished ticket, given on the holder's phone (status page) or at the kiosk; the
-- statistics join it through the ticket to its center, group, counter and officer.
CREATE TABLE "queue_ratings" (
	"ticket_id" uuid PRIMARY KEY NOT NULL REFERENCES "queue_tickets"("id"),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"rating" text NOT NULL CHECK ("rating" IN ('very_satisfied', 'satisfied', 'dissatisfied')),
	"channel" text NOT NULL CHECK ("channel" IN ('phone', 'kiosk')),
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "queue_ratings_center_idx" ON "queue_ratings" ("center_id", "rated_at");
--> statement-breakpoint
-- Check-in by phone at the kiosk looks up the day's appointments of one center by phone.
CREATE INDEX "queue_appointments_phone_idx" ON "queue_appointments" ("center_id", "phone") WHERE "phone" IS NOT NULL;
