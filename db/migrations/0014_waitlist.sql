CREATE SEQUENCE "waitlist_position_seq";--> statement-breakpoint
CREATE TABLE "waitlist_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"position" bigint DEFAULT nextval('waitlist_position_seq') NOT NULL,
	"session_type" text NOT NULL,
	"format" text NOT NULL,
	"location" text NOT NULL,
	"time_zone" text NOT NULL,
	"days" integer NOT NULL,
	"parts" integer NOT NULL,
	"earliest" date NOT NULL,
	"latest" date,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"consent_notice_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"form_key" text NOT NULL,
	"token_hash" text NOT NULL,
	"network" text,
	"confirmed_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"stay_asked_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entry_form_key_unique" UNIQUE("form_key"),
	CONSTRAINT "waitlist_entry_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "waitlist_entry_status_known" CHECK ("status" in ('unconfirmed', 'waiting', 'paused', 'booked', 'left', 'removed', 'expired')),
	CONSTRAINT "waitlist_entry_wishes" CHECK ("days" between 1 and 127 and "parts" between 1 and 7 and ("latest" is null or "latest" >= "earliest"))
);
--> statement-breakpoint
CREATE TABLE "waitlist_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"booking_id" uuid,
	"session_type" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"offered_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_offer_status_known" CHECK ("status" in ('open', 'booked', 'declined', 'lapsed', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "waitlist_offer" ADD CONSTRAINT "waitlist_offer_entry_id_waitlist_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waitlist_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offer" ADD CONSTRAINT "waitlist_offer_booking_id_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."booking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entry_line_idx" ON "waitlist_entry" USING btree ("session_type","position") WHERE "status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entry_email_idx" ON "waitlist_entry" USING btree ("email");--> statement-breakpoint
CREATE INDEX "waitlist_entry_network_idx" ON "waitlist_entry" USING btree ("network") WHERE "network" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_one_per_time" ON "waitlist_offer" USING btree ("starts_at") WHERE "status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offer_one_per_person" ON "waitlist_offer" USING btree ("entry_id") WHERE "status" = 'open';--> statement-breakpoint
CREATE INDEX "waitlist_offer_entry_idx" ON "waitlist_offer" USING btree ("entry_id","starts_at");
