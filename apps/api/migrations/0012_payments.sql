-- Payments (issue 6, part B): fees paid online through the payment gateway or in cash at the counter
-- with a numbered receipt; every gateway notification as received; daily reconciliation reports.
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL REFERENCES "dossiers"("id"),
	"province_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"amount" bigint NOT NULL,
	"fee_lines" jsonb NOT NULL,
	"txn_ref" text NOT NULL,
	"gateway_txn_id" text,
	"pay_url" text,
	"gateway_error" text,
	"receipt_no" text,
	"payer_name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_method_ck" CHECK ("method" IN ('online', 'cash')),
	CONSTRAINT "payments_status_ck" CHECK ("status" IN ('pending', 'paid', 'failed', 'cancelled', 'refund_due')),
	CONSTRAINT "payments_amount_ck" CHECK ("amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "payments_txn_ref_uq" ON "payments" ("txn_ref");
--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_no_uq" ON "payments" ("receipt_no");
--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" ("dossier_id", "created_at");
--> statement-breakpoint
CREATE INDEX "payments_center_paid_idx" ON "payments" ("center_id", "paid_at");
--> statement-breakpoint
-- At most one settled payment per dossier: a second one (an online payment that lands after cash)
-- is kept as refund_due, never as a second "paid".
CREATE UNIQUE INDEX "payments_one_paid_uq" ON "payments" ("dossier_id") WHERE "status" = 'paid';
--> statement-breakpoint
-- Cash receipt numbers, gap-free per center and year: taken in the payment's own transaction.
CREATE TABLE "receipt_sequences" (
	"center_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	PRIMARY KEY ("center_id", "year")
);
--> statement-breakpoint
-- Every notification from the gateway (callback or browser return), valid or not, and what we did with it.
CREATE TABLE "payment_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid,
	"source" text NOT NULL,
	"txn_ref" text,
	"payload" jsonb NOT NULL,
	"signature_valid" boolean NOT NULL,
	"outcome" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "payment_notifications_payment_idx" ON "payment_notifications" ("payment_id", "received_at");
--> statement-breakpoint
-- One reconciliation per local day: the gateway's transaction list against our online payments.
CREATE TABLE "payment_reconciliations" (
	"day" date PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"gateway_count" integer NOT NULL,
	"gateway_total" bigint NOT NULL,
	"our_count" integer NOT NULL,
	"our_total" bigint NOT NULL,
	"matched" integer NOT NULL,
	"mismatches" jsonb NOT NULL
);
