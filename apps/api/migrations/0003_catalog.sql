-- Procedure catalog: procedures, immutable versions, review flags, per-center offerings, imports.
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL CHECK ("code" ~ '^\d{1,2}\.\d{6}(\.[A-Z0-9]{1,10})?$'),
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"version" integer NOT NULL CHECK ("version" >= 1),
	"effective_from" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid REFERENCES "users"("id"),
	"source" text NOT NULL CHECK ("source" IN ('seed', 'import', 'edit')),
	"change_note" text NOT NULL,
	"content" jsonb NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"levels" text[] NOT NULL,
	"online_level" text NOT NULL CHECK ("online_level" IN ('full', 'partial', 'none')),
	"boundary_free" boolean NOT NULL,
	"search_name" text NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_code_version_uq" ON "procedure_versions" ("code", "version");
--> statement-breakpoint
CREATE INDEX "procedure_versions_current_idx" ON "procedure_versions" ("code", "effective_from", "version");
--> statement-breakpoint
-- Versions are immutable: a dossier pinned to a version id must always see what it was received under.
CREATE FUNCTION procedure_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'procedure versions are immutable; publish a new version instead';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "procedure_versions_no_update" BEFORE UPDATE OR DELETE ON "procedure_versions"
	FOR EACH ROW EXECUTE FUNCTION procedure_versions_immutable();
--> statement-breakpoint
CREATE TABLE "procedure_flags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"version_id" uuid NOT NULL REFERENCES "procedure_versions"("id"),
	"field" text NOT NULL,
	"message" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid REFERENCES "users"("id"),
	"resolution" text CHECK ("resolution" IN ('confirmed', 'edited', 'superseded')),
	"note" text,
	CONSTRAINT "procedure_flags_resolved_ck" CHECK (("resolved_at" IS NULL) = ("resolution" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "procedure_flags_open_idx" ON "procedure_flags" ("code", "resolved_at");
--> statement-breakpoint
CREATE TABLE "center_procedures" (
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"code" text NOT NULL REFERENCES "procedures"("code"),
	"service_group_id" uuid NOT NULL REFERENCES "service_groups"("id"),
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid REFERENCES "users"("id"),
	PRIMARY KEY ("center_id", "code")
);
--> statement-breakpoint
CREATE INDEX "center_procedures_code_idx" ON "center_procedures" ("code");
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL CHECK ("format" IN ('csv', 'json')),
	"mode" text NOT NULL CHECK ("mode" IN ('partial', 'full')),
	"status" text NOT NULL CHECK ("status" IN ('previewed', 'applied', 'stale')),
	"effective_from" timestamp with time zone NOT NULL,
	"plan" jsonb NOT NULL,
	"base_revision" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"applied_at" timestamp with time zone
);
