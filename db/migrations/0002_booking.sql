CREATE TYPE "public"."booking_status" AS ENUM('requested', 'confirmed', 'declined', 'cancelled', 'expired', 'completed', 'no_show');--> statement-breakpoint
CREATE TABLE "booking_setting" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"availability_seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_setting_single_row" CHECK ("booking_setting"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "booking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_type" text NOT NULL,
	"format" text NOT NULL,
	"status" "booking_status" DEFAULT 'requested' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"location" text NOT NULL,
	"what_brings_you" text,
	"heard_about" text NOT NULL,
	"visitor_time_zone" text NOT NULL,
	"consent_notice_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"emergency_acknowledged_at" timestamp with time zone NOT NULL,
	"form_key" uuid NOT NULL,
	"manage_token_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"therapist_note" text,
	"cancelled_by" text,
	"decided_by" text,
	"reschedule_count" integer DEFAULT 0 NOT NULL,
	"reminder_queued_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_form_key_unique" UNIQUE("form_key"),
	CONSTRAINT "booking_manage_token_hash_unique" UNIQUE("manage_token_hash"),
	CONSTRAINT "booking_times_in_order" CHECK ("booking"."blocked_from" <= "booking"."starts_at" and "booking"."starts_at" < "booking"."ends_at" and "booking"."ends_at" <= "booking"."blocked_until")
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "availability_override" (
	"day" date PRIMARY KEY NOT NULL,
	"ranges" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "availability_time_off" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_time_off_in_order" CHECK ("availability_time_off"."starts_on" <= "availability_time_off"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "availability_weekly_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"weekday" integer NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	CONSTRAINT "availability_weekly_hours_valid" CHECK ("availability_weekly_hours"."weekday" between 1 and 7 and "availability_weekly_hours"."start_minute" >= 0 and "availability_weekly_hours"."start_minute" < "availability_weekly_hours"."end_minute" and "availability_weekly_hours"."end_minute" <= 1440)
);
--> statement-breakpoint
CREATE INDEX "booking_starts_at_idx" ON "booking" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "booking_status_idx" ON "booking" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "booking_email_idx" ON "booking" USING btree ("email");--> statement-breakpoint
CREATE INDEX "availability_weekly_hours_weekday_idx" ON "availability_weekly_hours" USING btree ("weekday");