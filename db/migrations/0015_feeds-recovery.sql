ALTER TABLE "busy_calendar" ADD COLUMN "left_out" text;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "all_day_busy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "busy_digest" text;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "failing_notice_at" timestamp with time zone;--> statement-breakpoint
UPDATE "busy_calendar" SET "answered_at" = "read_at", "changed_at" = "read_at";
