-- No-appointment day (ngày không hẹn): weekdays on which a leader sits at intake, and the
-- procedures a center decides on the spot on those days.
ALTER TABLE "centers" ADD COLUMN "no_appointment_weekdays" smallint[] DEFAULT '{}' NOT NULL;
--> statement-breakpoint
CREATE TABLE "center_same_day_procedures" (
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"procedure_code" text NOT NULL,
	PRIMARY KEY ("center_id", "procedure_code")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "no_appointment" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Form 04 drafts the system prepares one working day before a deadline that will be missed.
CREATE TABLE "apology_drafts" (
	"dossier_id" uuid PRIMARY KEY NOT NULL REFERENCES "dossiers"("id"),
	"center_id" uuid NOT NULL,
	"drafted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"cause_state" text NOT NULL,
	"cause_working_seconds" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL CHECK ("status" IN ('open', 'signed', 'dismissed'))
);
--> statement-breakpoint
CREATE INDEX "apology_drafts_center_idx" ON "apology_drafts" ("center_id", "status");
