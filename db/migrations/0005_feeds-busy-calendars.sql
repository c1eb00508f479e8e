CREATE TABLE "busy_calendar" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"etag" text,
	"last_modified" text,
	"checked_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"error_message" text,
	"failing_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "busy_time" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "busy_time_in_order" CHECK ("busy_time"."starts_at" < "busy_time"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "busy_time" ADD CONSTRAINT "busy_time_calendar_id_busy_calendar_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."busy_calendar"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "busy_time_calendar_idx" ON "busy_time" USING btree ("calendar_id");--> statement-breakpoint
CREATE INDEX "busy_time_range_idx" ON "busy_time" USING btree ("starts_at","ends_at");