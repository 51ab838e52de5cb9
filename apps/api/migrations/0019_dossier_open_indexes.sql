-- The staff inbox at 10 million dossiers (issue 12): open work is a few percent of all dossiers, so
-- the inbox reads it through partial indexes in deadline order instead of walking a center's or an
-- officer's whole history. "Open" is what the inbox shows: everything but the four states after
-- which the center has nothing left to do (a finished dossier still waits for hand-over).
CREATE INDEX "dossiers_open_center_idx" ON "dossiers" ("center_id", "due_at", "code")
  WHERE "status" NOT IN ('not_accepted', 'withdrawn', 'stopped', 'returned');
--> statement-breakpoint
-- Dossiers received elsewhere for this center (boundary-free procedures): only those, so the
-- center's own open dossiers are not read twice.
CREATE INDEX "dossiers_open_competent_idx" ON "dossiers" ("competent_center_id", "due_at", "code")
  WHERE "status" NOT IN ('not_accepted', 'withdrawn', 'stopped', 'returned') AND "competent_center_id" <> "center_id";
--> statement-breakpoint
-- "My inbox", and the open workload counted when assigning to the least-loaded specialist.
CREATE INDEX "dossiers_open_assignee_idx" ON "dossiers" ("assignee_id", "due_at", "code")
  WHERE "status" NOT IN ('not_accepted', 'withdrawn', 'stopped', 'returned');
