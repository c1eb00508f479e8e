ALTER TABLE "rate_limit" ALTER COLUMN "count" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limit" ALTER COLUMN "window_started_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limit" ADD COLUMN "hits" timestamp with time zone[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_limit" ADD COLUMN "last_hit_allowed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriber" ADD COLUMN "confirm_token_issued_at" timestamp with time zone;