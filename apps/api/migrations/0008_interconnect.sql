-- Interconnected procedures (liên thông): a parent dossier spawns child dossiers, some of which
-- are decided by agencies outside the center (police, social insurance) through an adapter.
ALTER TABLE "dossiers" ADD COLUMN "external_agency" text;
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "bundle_role" text CHECK ("bundle_role" IN ('parent', 'child'));
--> statement-breakpoint
CREATE INDEX "dossiers_parent_idx" ON "dossiers" ("parent_id") WHERE "parent_id" IS NOT NULL;
