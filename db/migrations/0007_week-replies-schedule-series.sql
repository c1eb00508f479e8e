CREATE TABLE "reply" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_message_id" uuid,
	"booking_id" uuid,
	"body" text NOT NULL,
	"sent_by" text NOT NULL,
	"outbox_email_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_to_one_thing" CHECK (num_nonnulls("reply"."contact_message_id", "reply"."booking_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "newsletter_issue" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "series_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "series_parts_sent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_contact_message_id_contact_message_id_fk" FOREIGN KEY ("contact_message_id") REFERENCES "public"."contact_message"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_outbox_email_id_outbox_email_id_fk" FOREIGN KEY ("outbox_email_id") REFERENCES "public"."outbox_email"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reply_contact_message_idx" ON "reply" USING btree ("contact_message_id");--> statement-breakpoint
CREATE INDEX "reply_booking_idx" ON "reply" USING btree ("booking_id");