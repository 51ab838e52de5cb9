-- Procedure assistant: one row per answer, for quality review. No personal data: the question is
-- stored with ID numbers, phone numbers, e-mail addresses and dossier codes redacted, dossier
-- answers keep no text, and nothing links a row to a person or a session.
CREATE TABLE "assistant_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"surface" text NOT NULL,
	"language" text NOT NULL,
	"question" text NOT NULL,
	"intents" text[] NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"model_status" text NOT NULL,
	"retrieved_codes" text[] NOT NULL,
	"answer_text" text,
	"helpful" boolean,
	"rated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "assistant_answers_at_idx" ON "assistant_answers" ("at");
