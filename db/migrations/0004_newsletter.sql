CREATE TYPE "public"."delivery_status" AS ENUM('delivered', 'delayed', 'bounced', 'complained');--> statement-breakpoint
CREATE TYPE "public"."library_access_kind" AS ENUM('link', 'session');--> statement-breakpoint
CREATE TYPE "public"."newsletter_issue_status" AS ENUM('draft', 'sending', 'sent');--> statement-breakpoint
CREATE TYPE "public"."newsletter_send_status" AS ENUM('pending', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('pending', 'confirmed', 'unsubscribed');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('bounced', 'complained');--> statement-breakpoint
CREATE TABLE "library_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"kind" "library_access_kind" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_access_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "newsletter_issue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"post_url" text,
	"status" "newsletter_issue_status" DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"recipient_count" integer,
	"test_sent_at" timestamp with time zone,
	"send_started_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"runner_locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_send" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issue_id" uuid NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"status" "newsletter_send_status" DEFAULT 'pending' NOT NULL,
	"batch_key" text,
	"provider_id" text,
	"error" text,
	"sent_at" timestamp with time zone,
	"delivery_status" "delivery_status",
	"delivery_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newsletter_send_issue_subscriber_key" UNIQUE("issue_id","subscriber_id")
);
--> statement-breakpoint
CREATE TABLE "subscriber" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"status" "subscriber_status" DEFAULT 'pending' NOT NULL,
	"source" text NOT NULL,
	"consent_notice_version" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"confirm_token_hash" text,
	"confirm_token_expires_at" timestamp with time zone,
	"confirmation_sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"unsubscribe_token_hash" text NOT NULL,
	"library_link_sent_at" timestamp with time zone,
	"suppressed_at" timestamp with time zone,
	"suppression_reason" "suppression_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscriber_email_unique" UNIQUE("email"),
	CONSTRAINT "subscriber_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "subscriber_unsubscribe_token_hash_unique" UNIQUE("unsubscribe_token_hash")
);
--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "delivery_status" "delivery_status";--> statement-breakpoint
ALTER TABLE "outbox_email" ADD COLUMN "delivery_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "library_access" ADD CONSTRAINT "library_access_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_send" ADD CONSTRAINT "newsletter_send_issue_id_newsletter_issue_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."newsletter_issue"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_send" ADD CONSTRAINT "newsletter_send_subscriber_id_subscriber_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscriber"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_access_subscriber_idx" ON "library_access" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "library_access_expires_idx" ON "library_access" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "newsletter_issue_status_idx" ON "newsletter_issue" USING btree ("status");--> statement-breakpoint
CREATE INDEX "newsletter_send_issue_status_idx" ON "newsletter_send" USING btree ("issue_id","status");--> statement-breakpoint
CREATE INDEX "newsletter_send_batch_idx" ON "newsletter_send" USING btree ("batch_key");--> statement-breakpoint
CREATE INDEX "newsletter_send_provider_idx" ON "newsletter_send" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "newsletter_send_subscriber_idx" ON "newsletter_send" USING btree ("subscriber_id");--> statement-breakpoint
CREATE INDEX "subscriber_status_idx" ON "subscriber" USING btree ("status");--> statement-breakpoint
CREATE INDEX "subscriber_created_at_idx" ON "subscriber" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_email_provider_idx" ON "outbox_email" USING btree ("provider_id");