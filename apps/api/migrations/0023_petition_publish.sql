-- A petition is readable by its code alone only when its sender agreed to publish it (and only once
-- answered); otherwise the follow-up code given at submission is needed. Existing petitions were
-- submitted without that choice, so they stay private.
ALTER TABLE "petitions" ADD COLUMN "publish" boolean NOT NULL DEFAULT false;
