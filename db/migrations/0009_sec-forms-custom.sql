-- Form keys were stored as given; store only their sha256, in the base64url
-- form lib/security/hash.ts sha256() writes, so replays of old forms still match
-- and a copy of the database names no key (#10 finding 3).
UPDATE "booking" SET "form_key" = rtrim(translate(encode(sha256(convert_to("form_key", 'UTF8')), 'base64'), '+/', '-_'), '=');--> statement-breakpoint
UPDATE "contact_message" SET "form_key" = rtrim(translate(encode(sha256(convert_to("form_key", 'UTF8')), 'base64'), '+/', '-_'), '=');
