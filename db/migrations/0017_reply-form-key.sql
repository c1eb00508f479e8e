ALTER TABLE "reply" ADD COLUMN "form_key_hash" text;--> statement-breakpoint
ALTER TABLE "reply" ADD CONSTRAINT "reply_form_key_unique" UNIQUE("form_key_hash");
