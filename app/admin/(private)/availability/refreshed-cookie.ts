/**
 * Which calendar "Refresh now" just read, carried from its POST to the page
 * it redirects to, so the page can answer beside that calendar (a record id
 * stays out of the address, and so out of the logs). A minute is enough for
 * the redirect; it holds nothing but the id.
 */
export const REFRESHED_CALENDAR_COOKIE = {
  name: "attune-calendar-refreshed",
  options: {
    httpOnly: true,
    sameSite: "strict",
    path: "/admin/availability",
    maxAge: 60,
    secure: process.env.NODE_ENV === "production",
  },
} as const;
