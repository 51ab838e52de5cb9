CREATE TABLE "service_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL REFERENCES "centers"("id"),
	"code" text NOT NULL CHECK ("code" ~ '^[A-Z]$'),
	"name" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "service_groups_center_code_uq" ON "service_groups" ("center_id", "code");
