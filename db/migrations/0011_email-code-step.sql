CREATE TABLE "email_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject" text NOT NULL,
	"step_token_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"issue" integer DEFAULT 1 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_code_step_token_unique" UNIQUE("step_token_hash"),
	CONSTRAINT "email_code_subject_unique" UNIQUE("purpose","subject")
);
--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "hold_network" text;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "email_held_back_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "booking_hold_network_idx" ON "booking" USING btree ("hold_network") WHERE "booking"."hold_network" is not null;
