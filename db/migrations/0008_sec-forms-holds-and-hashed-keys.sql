ALTER TABLE "booking" ALTER COLUMN "form_key" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "contact_message" ALTER COLUMN "form_key" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "hold_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "pending_first_name" text;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "pending_consent_notice_version" text;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "pending_consented_at" timestamp with time zone;