-- Idempotent counter intake: a retried intake with the same Idempotency-Key returns the dossier
-- the first attempt made. Keyed per center; never deleted (one small row per keyed intake).
CREATE TABLE "intake_keys" (
	"center_id" uuid NOT NULL,
	"key" text NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"procedure_code" text NOT NULL,
	"id_number" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	PRIMARY KEY ("center_id", "key")
);
