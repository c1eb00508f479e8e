ALTER TABLE "contact_message" ADD COLUMN "email_held_back_at" timestamp with time zone;--> statement-breakpoint
CREATE TABLE "therapist_notice" (
	"kind" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"summary_email_id" uuid,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
