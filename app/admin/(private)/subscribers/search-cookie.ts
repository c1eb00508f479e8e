/** Where the subscriber search is remembered between its POST and the page showing it. */
export const SUBSCRIBER_SEARCH_COOKIE = {
  name: "attune-subscriber-search",
  options: {
    httpOnly: true,
    sameSite: "strict",
    path: "/admin/subscribers",
    maxAge: 30 * 60,
    secure: process.env.NODE_ENV === "production",
  },
} as const;
