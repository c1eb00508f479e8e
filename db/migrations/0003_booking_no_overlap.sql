-- No double booking, by construction: PostgreSQL refuses (SQLSTATE 23P01) a
-- second active booking whose time, buffers included, overlaps one that is
-- already held. Half-open ranges, so back-to-back bookings are allowed.
--
-- Drizzle cannot express EXCLUDE, hence this hand-written migration. The
-- range type's own GiST operator class is enough: btree_gist would only be
-- needed to add a scalar column (a room, a second therapist) to the
-- constraint, and a solo practice has one calendar. Without an extension the
-- same SQL holds on PGlite and on PostgreSQL alike.
ALTER TABLE "booking"
  ADD CONSTRAINT "booking_no_overlap"
  EXCLUDE USING gist (tstzrange("blocked_from", "blocked_until", '[)') WITH &&)
  WHERE ("status" IN ('requested', 'confirmed'));
