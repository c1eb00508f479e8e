ALTER TABLE "booking" ADD COLUMN "payment" text;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "insurance_plan" text;--> statement-breakpoint
ALTER TABLE "booking" ADD COLUMN "therapist_approves" boolean DEFAULT false NOT NULL;
