CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"service_day" date NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"priority" text CHECK ("priority" IN ('elderly', 'disability', 'pregnant', 'small_child')),
	"source" text NOT NULL CHECK ("source" IN ('kiosk', 'online', 'appointment')),
	"status" text NOT NULL CHECK ("status" IN ('waiting', 'called', 'serving', 'done', 'no_show')),
	"phone" text,
	"near_turn_notified" boolean DEFAULT false NOT NULL,
	"appointment_id" uuid,
	"ready_at" timestamp with time zone NOT NULL,
	"target_counter_id" uuid REFERENCES "counters"("id"),
	"counter_id" uuid REFERENCES "counters"("id"),
	"officer_id" uuid REFERENCES "users"("id"),
	"dossier_id" uuid,
	"recalls" integer DEFAULT 0 NOT NULL,
	"transfers" integer DEFAULT 0 NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"serving_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_uq" ON "queue_tickets" ("center_id", "service_day", "number");
--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" ("center_id", "service_day", "ready_at") WHERE "status" = 'waiting';
--> statement-breakpoint
CREATE INDEX "queue_tickets_day_idx" ON "queue_tickets" ("province_code", "center_id", "service_day");
--> statement-breakpoint
CREATE TABLE "queue_day_counters" (
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"service_day" date NOT NULL,
	"last_seq" integer NOT NULL,
	PRIMARY KEY ("center_id", "service_group_id", "service_day")
);
--> statement-breakpoint
CREATE TABLE "queue_counter_states" (
	"counter_id" uuid PRIMARY KEY NOT NULL REFERENCES "counters"("id"),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"officer_id" uuid REFERENCES "users"("id"),
	"service_group_ids" uuid[] NOT NULL,
	"open" boolean NOT NULL,
	"priority_streak" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_boards" (
	"center_id" uuid PRIMARY KEY NOT NULL REFERENCES "centers"("id"),
	"province_code" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"notice" text DEFAULT '' NOT NULL,
	"notice_updated_at" timestamp with time zone,
	"notice_updated_by" uuid REFERENCES "users"("id")
);
--> statement-breakpoint
CREATE TABLE "queue_events" (
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"seq" bigint NOT NULL,
	"province_code" text NOT NULL,
	"type" text NOT NULL,
	"ticket_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"payload" jsonb NOT NULL,
	PRIMARY KEY ("center_id", "seq")
);
--> statement-breakpoint
CREATE TABLE "queue_appointment_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL CHECK ("capacity" > 0),
	"booked" integer DEFAULT 0 NOT NULL,
	CHECK ("booked" <= "capacity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_appointment_slots_uq" ON "queue_appointment_slots" ("center_id", "service_group_id", "starts_at");
--> statement-breakpoint
CREATE TABLE "queue_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"slot_id" uuid NOT NULL REFERENCES "queue_appointment_slots"("id"),
	"starts_at" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"full_name" text NOT NULL,
	"phone" text,
	"status" text NOT NULL CHECK ("status" IN ('booked', 'checked_in', 'cancelled')),
	"ticket_id" uuid REFERENCES "queue_tickets"("id"),
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_appointments_code_uq" ON "queue_appointments" ("center_id", "code");
