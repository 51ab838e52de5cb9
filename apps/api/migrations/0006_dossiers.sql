CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"competent_center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"procedure_code" text NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_name" text NOT NULL,
	"channel" smallint NOT NULL CHECK ("channel" IN (1, 2, 3)),
	"status" text NOT NULL,
	"step" text,
	"resume_state" text,
	"applicant" jsonb NOT NULL,
	"time_limit" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"clock_starts_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"original_due_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"remaining_seconds" integer,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"apology_count" integer DEFAULT 0 NOT NULL,
	"assignee_id" uuid REFERENCES "users"("id"),
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"outcome" text CHECK ("outcome" IN ('early', 'on_time', 'late')),
	"fee_total" integer DEFAULT 0 NOT NULL,
	"fee_paid" boolean DEFAULT false NOT NULL,
	"ticket_id" uuid,
	"parent_id" uuid REFERENCES "dossiers"("id"),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_step_ck" CHECK (("status" = 'processing') = ("step" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" ("code");
--> statement-breakpoint
CREATE INDEX "dossiers_center_status_idx" ON "dossiers" ("center_id", "status", "due_at");
--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" ("assignee_id", "due_at");
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_seq_uq" ON "dossier_events" ("dossier_id", "seq");
--> statement-breakpoint
-- The history is append-only: the database itself refuses to change or delete an event.
CREATE FUNCTION dossier_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE OR DELETE ON "dossier_events"
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();
--> statement-breakpoint
CREATE TABLE "dossier_sequences" (
	"agency_code" text NOT NULL,
	"day" text NOT NULL,
	"last_seq" integer NOT NULL,
	PRIMARY KEY ("agency_code", "day")
);
