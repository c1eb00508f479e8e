ALTER TABLE "busy_calendar" ADD COLUMN "left_out" text;
