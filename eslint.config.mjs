import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/*
 * Imports run one way: app → components → lib → db, only lib/email imports
 * emails/, and emails/ take what they show as props, importing nothing from
 * lib/ but types (DESIGN.md). Each folder lists what it may not reach back
 * to; a back-arrow fails the lint (lib/boundaries.test.ts proves it). Each
 * pattern matches the folder by its alias (@/lib/…) and by a relative path
 * that climbs to it (../../lib/…), so neither spelling slips past.
 */
const folder = (name, rest = "(/|$)") => `^(@/|(\\.\\./)+)${name}${rest}`;
const backArrow = {
  app: { regex: folder("app"), message: "Only app/ imports app/: routes are the outermost layer." },
  components: { regex: folder("components"), message: "lib/ and db/ never import components/: view code lives in components/." },
  db: { regex: folder("db"), message: "components/ never touch the database: read through lib/." },
  emails: {
    regex: folder("emails"),
    message: "Only lib/email imports emails/: queue an email with enqueueEmail() and let lib/email render it.",
  },
  libFromDb: { regex: folder("lib", "(/(?!env$)|$)"), message: "db/ imports only lib/env: the domain builds on the database, not the other way round." },
  libFromEmails: {
    regex: folder("lib"),
    allowTypeImports: true,
    message: "emails/ import only types from lib/: what a template shows comes in as props, made by lib/email when it renders (lib/email/render.ts, at-send.ts).",
  },
};
const forbid = (...rules) => ({ "no-restricted-imports": ["error", { patterns: rules.map((rule) => backArrow[rule]) }] });

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**"], rules: forbid("emails") },
  { files: ["components/**"], rules: forbid("app", "db", "emails") },
  { files: ["lib/**"], ignores: ["lib/email/**"], rules: forbid("app", "components", "emails") },
  { files: ["lib/email/**"], rules: forbid("app", "components") },
  { files: ["db/**"], rules: forbid("app", "components", "emails", "libFromDb") },
  { files: ["emails/**"], rules: forbid("app", "components", "db", "libFromEmails") },
  {
    // Playwright fixtures receive a function named `use`; it is not React's.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
