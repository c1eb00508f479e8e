// @ts-check

/**
 * Headers every response carries. The Content-Security-Policy itself is set in
 * proxy.ts, because dynamic pages need a fresh nonce on each request.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]
    : []),
];

/**
 * Pages whose address carries a credential (a booking, newsletter, library,
 * calendar or sign-in token) send no referrer to any other site. Those that
 * hold a form get `same-origin` rather than `no-referrer`: under no-referrer a
 * browser sends `Origin: null` with the form's POST, which Next refuses as a
 * cross-site action; same-origin sends the address only back to this site,
 * which issued it, and nothing to anyone else.
 */
const tokenPages = [
  { source: "/book/manage/:token", policy: "same-origin" },
  // "Confirm this time" is a form: same-origin, as on the manage page.
  { source: "/book/confirm/:token", policy: "same-origin" },
  { source: "/book/manage/:token/calendar.ics", policy: "no-referrer" },
  // The waitlist's emailed links: each page is one press of a form.
  { source: "/book/waitlist/place/:token", policy: "same-origin" },
  { source: "/book/waitlist/offer/:token", policy: "same-origin" },
  { source: "/book/waitlist/leave/:token", policy: "same-origin" },
  { source: "/newsletter/confirm/:token", policy: "same-origin" },
  { source: "/newsletter/unsubscribe/:token", policy: "same-origin" },
  { source: "/freebies/access/:token", policy: "no-referrer" },
  { source: "/admin/sign-in/confirm/:token", policy: "same-origin" },
  { source: "/api/calendar/:token", policy: "no-referrer" },
  { source: "/api/newsletter/unsubscribe/:token", policy: "no-referrer" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships ~15 MB of wasm; bundling it would copy that into the public
  // static output, so it stays a plain Node dependency of the server. pdfkit
  // reads its font metrics from its own folder at run time, so it stays one too.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  typedRoutes: true,
  experimental: {
    // The stylesheet goes into each page's <head> instead of a render-blocking
    // request: on a slow phone connection a post paints a round trip sooner.
    // The whole sheet is a few kilobytes compressed; the CSP already allows
    // inline styles (proxy.ts).
    inlineCss: true,
  },
  async headers() {
    // Later rules win for the same header.
    return [
      { source: "/:path*", headers: securityHeaders },
      ...tokenPages.map(({ source, policy }) => ({ source, headers: [{ key: "Referrer-Policy", value: policy }] })),
    ];
  },
};

export default nextConfig;
export { tokenPages };
