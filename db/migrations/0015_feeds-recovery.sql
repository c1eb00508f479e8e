ALTER TABLE "busy_calendar" ADD COLUMN "left_out" text;--> statement-breakpoint
ALTER TABLE "busy_calendar" ADD COLUMN "all_day_busy" boolean DEFAULT false NOT NULL;
