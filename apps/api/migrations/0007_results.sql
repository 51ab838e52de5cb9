CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL REFERENCES "provinces"("code"),
	"kind" text NOT NULL CHECK ("kind" IN ('province_ca', 'signer')),
	"user_id" uuid REFERENCES "users"("id"),
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"serial" text NOT NULL,
	"fingerprint_sha256" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"key_file" text NOT NULL,
	"passphrase" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CHECK (("kind" = 'signer') = ("user_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_fingerprint_uq" ON "signing_keys" ("fingerprint_sha256");
--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_province_ca_uq" ON "signing_keys" ("province_code") WHERE "kind" = 'province_ca';
--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_signer_uq" ON "signing_keys" ("user_id") WHERE "kind" = 'signer';
--> statement-breakpoint
CREATE TABLE "e_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"n" integer NOT NULL CHECK ("n" >= 1),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"dossier_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"file_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"signer_id" uuid NOT NULL REFERENCES "users"("id"),
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"key_id" uuid NOT NULL REFERENCES "signing_keys"("id"),
	"scheme" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "e_results_code_uq" ON "e_results" ("code");
--> statement-breakpoint
CREATE UNIQUE INDEX "e_results_dossier_n_uq" ON "e_results" ("dossier_id", "n");
--> statement-breakpoint
CREATE INDEX "e_results_sha256_idx" ON "e_results" ("sha256");
