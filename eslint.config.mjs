import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/*
 * Imports run one way: app → components → lib → db, and only lib/email
 * imports emails/ (DESIGN.md). Each folder lists what it may not reach back
 * to; a back-arrow fails the lint (lib/boundaries.test.ts proves it).
 */
const backArrow = {
  app: { group: ["@/app", "@/app/*", "**/app/*"], message: "Only app/ imports app/: routes are the outermost layer." },
  components: { group: ["@/components", "@/components/*"], message: "lib/ and db/ never import components/: view code lives in components/." },
  db: { group: ["@/db", "@/db/*"], message: "components/ never touch the database: read through lib/." },
  emails: {
    group: ["@/emails", "@/emails/*", "**/emails", "**/emails/*"],
    message: "Only lib/email imports emails/: queue an email with enqueueEmail() and let lib/email render it.",
  },
  libFromDb: { group: ["@/lib/*", "!@/lib/env"], message: "db/ imports only lib/env: the domain builds on the database, not the other way round." },
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
  { files: ["emails/**"], rules: forbid("app", "components", "db") },
  {
    // Playwright fixtures receive a function named `use`; it is not React's.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
