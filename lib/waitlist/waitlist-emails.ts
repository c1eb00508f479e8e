import "server-only";
import { registerEmailAtSend } from "@/lib/email/at-send";
import { formatAppointment, formatDateTime, formatDay, zoneLabel } from "@/lib/booking/format";
import { manageToken } from "@/lib/booking/manage-link";
import { feeLine, formatLabels } from "@/lib/booking/session-types";
import { siteUrl } from "@/lib/env";
import { emailCodeOf } from "@/lib/security/email-code";
import { DateTime } from "luxon";
import { leaveUrl, offerPath, placeUrl } from "./links";

/*
 * What the waitlist's emails show beyond what the outbox stores, made each
 * time one is sent: the code, her place's links, the offer's link (the held
 * booking's manage token) and times in her zone. Registered with lib/email
 * when this module loads; lib/server-start.ts loads it before the server
 * takes requests, and every module that queues one imports it.
 */

registerEmailAtSend("waitlist-code", {
  props: (stored) => ({ code: emailCodeOf(stored.codeId, stored.codeIssue), placeUrl: placeUrl(stored.entryId), leaveUrl: leaveUrl(stored.entryId) }),
});

registerEmailAtSend("waitlist-joined", {
  props: (stored) => ({ placeUrl: placeUrl(stored.entryId), leaveUrl: leaveUrl(stored.entryId) }),
});

registerEmailAtSend("waitlist-offer", {
  props: (stored) => {
    const startsAt = new Date(stored.startsAt);
    return {
      appointment: {
        sessionName: stored.sessionName,
        when: formatAppointment(startsAt, new Date(stored.endsAt), stored.timeZone),
        zone: zoneLabel(stored.timeZone, startsAt),
        format: formatLabels[stored.format],
        ...(stored.fee ? { fee: feeLine(stored.fee) } : {}),
      },
      offerUrl: siteUrl(offerPath(manageToken(stored.bookingId))),
      until: formatDateTime(new Date(stored.expiresAt), stored.timeZone),
      leaveUrl: leaveUrl(stored.entryId),
    };
  },
});

registerEmailAtSend("waitlist-stay", {
  props: (stored) => ({
    ends: formatDay(DateTime.fromISO(stored.endsAt, { zone: stored.timeZone }).toISODate()!, { withYear: true }),
    placeUrl: placeUrl(stored.entryId),
    leaveUrl: leaveUrl(stored.entryId),
  }),
});
