-- The one-time code waiting for its SMS: kept only until the SMS gateway has taken it (or the code
-- expires), then set to null. The outbox message carries the challenge id, never the code.
ALTER TABLE "otp_challenges" ADD COLUMN "sms_code" text;
