-- Scanned or uploaded documents of a dossier: the file itself is in file storage, its SHA-256 here.
CREATE TABLE "dossier_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"item_id" text NOT NULL,
	"file_key" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" ("dossier_id", "item_id");
