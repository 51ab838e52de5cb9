-- Reports and the 766 index (issue 9). Facts per dossier → per-day rollups kept by a trigger, so a
-- score over any period is a sum over days. Weights and thresholds live in report_config only.
CREATE TABLE "report_config" (
	"province_code" text PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
-- One row per dossier with every flag the formulas need: live dossiers are projected into it by a
-- job, historical ones are imported straight into it. Days are local (Asia/Ho_Chi_Minh) dates.
CREATE TABLE "report_dossier_facts" (
	"code" text PRIMARY KEY NOT NULL,
	"dossier_id" uuid,
	"source" text NOT NULL CHECK ("source" IN ('live', 'import')),
	"province_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"center_id" uuid,
	"officer_id" uuid,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"sector" text NOT NULL,
	"channel" smallint NOT NULL,
	"outreach" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"late_from" timestamp with time zone,
	"received_day" date NOT NULL,
	"handled_day" date,
	"returned_day" date,
	"end_day" date,
	"late_day" date,
	"in_stock" boolean NOT NULL,
	"outcome" text CHECK ("outcome" IN ('early', 'on_time', 'late')),
	"on_time" boolean,
	"supplement_count" integer DEFAULT 0 NOT NULL,
	"processing_days" double precision,
	"fee_total" integer DEFAULT 0 NOT NULL,
	"paid_online" boolean DEFAULT false NOT NULL,
	"returns_document" boolean DEFAULT true NOT NULL,
	"has_e_result" boolean DEFAULT false NOT NULL,
	"digitized" boolean DEFAULT false NOT NULL,
	"reused_component" boolean DEFAULT false NOT NULL,
	"citizen_store" boolean DEFAULT false NOT NULL,
	"population_data" boolean DEFAULT false NOT NULL,
	"certification" boolean DEFAULT false NOT NULL,
	"e_certified_copy" boolean DEFAULT false NOT NULL,
	"synced_to_portal" boolean DEFAULT false NOT NULL,
	"rating" smallint CHECK ("rating" IN (1, 2, 3)),
	"has_petition" boolean DEFAULT false NOT NULL,
	"no_appointment" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_facts_dossier_uq" ON "report_dossier_facts" ("dossier_id");
--> statement-breakpoint
CREATE INDEX "report_facts_unit_received_idx" ON "report_dossier_facts" ("unit_code", "received_day");
--> statement-breakpoint
CREATE INDEX "report_facts_unit_handled_idx" ON "report_dossier_facts" ("unit_code", "handled_day");
--> statement-breakpoint
-- Per unit (commune code, or agency code of a province-level center) and local day.
-- received…no_appointment: by day received; handled…dissatisfied: by day handled (finished);
-- returned: by day returned; ended/late_ended: by day processing ended; went_late: by day it became late.
-- Open at the end of day T = Σ accepted − Σ ended; open and late = Σ went_late − Σ late_ended (days ≤ T).
CREATE TABLE "report_daily" (
	"province_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"with_fee" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"returns_document" integer DEFAULT 0 NOT NULL,
	"e_result" integer DEFAULT 0 NOT NULL,
	"digitized" integer DEFAULT 0 NOT NULL,
	"digitized_e_result" integer DEFAULT 0 NOT NULL,
	"reused" integer DEFAULT 0 NOT NULL,
	"citizen_store" integer DEFAULT 0 NOT NULL,
	"population" integer DEFAULT 0 NOT NULL,
	"certification" integer DEFAULT 0 NOT NULL,
	"e_certified_copy" integer DEFAULT 0 NOT NULL,
	"synced" integer DEFAULT 0 NOT NULL,
	"outreach" integer DEFAULT 0 NOT NULL,
	"no_appointment" integer DEFAULT 0 NOT NULL,
	"handled" integer DEFAULT 0 NOT NULL,
	"handled_on_time" integer DEFAULT 0 NOT NULL,
	"early" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"handled_bad" integer DEFAULT 0 NOT NULL,
	"processing_days" double precision DEFAULT 0 NOT NULL,
	"processing_counted" integer DEFAULT 0 NOT NULL,
	"no_appointment_same_day" integer DEFAULT 0 NOT NULL,
	"outreach_on_spot" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"ended" integer DEFAULT 0 NOT NULL,
	"late_ended" integer DEFAULT 0 NOT NULL,
	"went_late" integer DEFAULT 0 NOT NULL,
	"petitions" integer DEFAULT 0 NOT NULL,
	"petitions_on_time" integer DEFAULT 0 NOT NULL,
	"petitions_bad" integer DEFAULT 0 NOT NULL,
	PRIMARY KEY ("unit_code", "day")
);
--> statement-breakpoint
CREATE INDEX "report_daily_province_idx" ON "report_daily" ("province_code", "day");
--> statement-breakpoint
-- Which procedures saw an online dossier / an online payment / population data, per unit and
-- month: bit d-1 set = it happened on day d. Unit code = province code for the whole province.
-- Rebuilt from the facts for the months the trigger marks dirty (job `reports.rollup`).
CREATE TABLE "report_procedure_months" (
	"province_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"month" date NOT NULL,
	"any_days" bigint DEFAULT 0 NOT NULL,
	"online_days" bigint DEFAULT 0 NOT NULL,
	"paid_days" bigint DEFAULT 0 NOT NULL,
	"population_days" bigint DEFAULT 0 NOT NULL,
	PRIMARY KEY ("unit_code", "month", "procedure_code")
);
--> statement-breakpoint
CREATE TABLE "report_dirty_months" (
	"province_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"month" date NOT NULL,
	PRIMARY KEY ("unit_code", "month")
);
--> statement-breakpoint
-- Petitions (PAKN) as the reports need them; written by the feedback module's projection.
CREATE TABLE "report_petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"dossier_code" text,
	"received_day" date NOT NULL,
	"on_time" boolean NOT NULL,
	"bad" boolean NOT NULL
);
--> statement-breakpoint
-- A fact's contribution to the daily rollup: one row per day it touches (rows of report_daily).
CREATE FUNCTION report_fact_buckets(f report_dossier_facts) RETURNS SETOF report_daily LANGUAGE sql IMMUTABLE AS $$
  SELECT f.province_code, f.unit_code, f.received_day,
    1, f.in_stock::int, (f.channel = 2)::int, (f.fee_total > 0)::int, (f.fee_total > 0 AND f.paid_online)::int,
    f.returns_document::int, (f.returns_document AND f.has_e_result)::int, f.digitized::int, (f.digitized AND f.has_e_result)::int,
    f.reused_component::int, f.citizen_store::int, f.population_data::int, f.certification::int, (f.certification AND f.e_certified_copy)::int,
    f.synced_to_portal::int, f.outreach::int, f.no_appointment::int,
    0, 0, 0, 0, 0, 0, 0::double precision, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0
  UNION ALL
  SELECT f.province_code, f.unit_code, f.handled_day,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, coalesce(f.on_time, false)::int, (f.outcome = 'early')::int, (f.outcome = 'on_time')::int, (f.outcome = 'late')::int,
    (NOT coalesce(f.on_time, false) OR f.rating = 1 OR f.has_petition)::int,
    coalesce(f.processing_days, 0), (f.processing_days IS NOT NULL)::int,
    (f.no_appointment AND f.handled_day = f.received_day)::int, (f.outreach AND f.handled_day = f.received_day)::int,
    (f.rating IS NOT NULL)::int, (f.rating = 1)::int,
    0, 0, 0, 0, 0, 0, 0
  WHERE f.handled_day IS NOT NULL
  UNION ALL
  SELECT f.province_code, f.unit_code, f.returned_day,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0::double precision, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0
  WHERE f.returned_day IS NOT NULL
  UNION ALL
  SELECT f.province_code, f.unit_code, f.end_day,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0::double precision, 0, 0, 0, 0, 0,
    0, 1, (f.late_day IS NOT NULL)::int, 0, 0, 0, 0
  WHERE f.end_day IS NOT NULL AND f.in_stock
  UNION ALL
  SELECT f.province_code, f.unit_code, f.late_day,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0::double precision, 0, 0, 0, 0, 0,
    0, 0, 0, 1, 0, 0, 0
  WHERE f.late_day IS NOT NULL AND f.in_stock
$$;
--> statement-breakpoint
-- Adds (sign = 1) or takes back (sign = -1) a fact's contribution: the rollup follows every write.
CREATE FUNCTION report_apply_fact(f report_dossier_facts, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_daily AS r
  SELECT b.province_code, b.unit_code, b.day,
    sign * sum(b.received), sign * sum(b.accepted), sign * sum(b.online), sign * sum(b.with_fee), sign * sum(b.paid_online),
    sign * sum(b.returns_document), sign * sum(b.e_result), sign * sum(b.digitized), sign * sum(b.digitized_e_result),
    sign * sum(b.reused), sign * sum(b.citizen_store), sign * sum(b.population), sign * sum(b.certification), sign * sum(b.e_certified_copy),
    sign * sum(b.synced), sign * sum(b.outreach), sign * sum(b.no_appointment),
    sign * sum(b.handled), sign * sum(b.handled_on_time), sign * sum(b.early), sign * sum(b.on_time), sign * sum(b.late), sign * sum(b.handled_bad),
    sign * sum(b.processing_days), sign * sum(b.processing_counted), sign * sum(b.no_appointment_same_day), sign * sum(b.outreach_on_spot),
    sign * sum(b.rated), sign * sum(b.dissatisfied),
    sign * sum(b.returned), sign * sum(b.ended), sign * sum(b.late_ended), sign * sum(b.went_late), 0, 0, 0
  FROM report_fact_buckets(f) b
  GROUP BY b.province_code, b.unit_code, b.day
  ON CONFLICT ("unit_code", "day") DO UPDATE SET
    received = r.received + excluded.received, accepted = r.accepted + excluded.accepted, online = r.online + excluded.online,
    with_fee = r.with_fee + excluded.with_fee, paid_online = r.paid_online + excluded.paid_online,
    returns_document = r.returns_document + excluded.returns_document, e_result = r.e_result + excluded.e_result,
    digitized = r.digitized + excluded.digitized, digitized_e_result = r.digitized_e_result + excluded.digitized_e_result,
    reused = r.reused + excluded.reused, citizen_store = r.citizen_store + excluded.citizen_store, population = r.population + excluded.population,
    certification = r.certification + excluded.certification, e_certified_copy = r.e_certified_copy + excluded.e_certified_copy,
    synced = r.synced + excluded.synced, outreach = r.outreach + excluded.outreach, no_appointment = r.no_appointment + excluded.no_appointment,
    handled = r.handled + excluded.handled, handled_on_time = r.handled_on_time + excluded.handled_on_time, early = r.early + excluded.early,
    on_time = r.on_time + excluded.on_time, late = r.late + excluded.late, handled_bad = r.handled_bad + excluded.handled_bad,
    processing_days = r.processing_days + excluded.processing_days, processing_counted = r.processing_counted + excluded.processing_counted,
    no_appointment_same_day = r.no_appointment_same_day + excluded.no_appointment_same_day, outreach_on_spot = r.outreach_on_spot + excluded.outreach_on_spot,
    rated = r.rated + excluded.rated, dissatisfied = r.dissatisfied + excluded.dissatisfied, returned = r.returned + excluded.returned,
    ended = r.ended + excluded.ended, late_ended = r.late_ended + excluded.late_ended, went_late = r.went_late + excluded.went_late;
  INSERT INTO report_dirty_months (province_code, unit_code, month)
  VALUES (f.province_code, f.unit_code, date_trunc('month', f.received_day)::date)
  -- An update, not "do nothing": it waits for a rollup run that is taking this key, so no change is lost.
  ON CONFLICT ("unit_code", "month") DO UPDATE SET province_code = excluded.province_code;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_apply_fact(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM report_apply_fact(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON "report_dossier_facts"
  FOR EACH ROW EXECUTE FUNCTION report_facts_changed();
--> statement-breakpoint
CREATE FUNCTION report_apply_petition(p report_petitions, sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_daily AS r (province_code, unit_code, day, petitions, petitions_on_time, petitions_bad)
  VALUES (p.province_code, p.unit_code, p.received_day, sign, sign * p.on_time::int, sign * p.bad::int)
  ON CONFLICT ("unit_code", "day") DO UPDATE SET
    petitions = r.petitions + excluded.petitions, petitions_on_time = r.petitions_on_time + excluded.petitions_on_time,
    petitions_bad = r.petitions_bad + excluded.petitions_bad;
$$;
--> statement-breakpoint
CREATE FUNCTION report_petitions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM report_apply_petition(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM report_apply_petition(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_petitions_rollup AFTER INSERT OR UPDATE OR DELETE ON "report_petitions"
  FOR EACH ROW EXECUTE FUNCTION report_petitions_changed();
