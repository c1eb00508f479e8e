// `npm test`: the whole suite, in the order that fails fastest.
// Type check, lint, unit, integration (against PGlite, or PostgreSQL when
// DATABASE_URL is set), the production build, then Playwright end to end in a
// real Chromium, then, when nginx is installed, the topology test (nginx, two
// servers, one PostgreSQL). Ends with one line of totals.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { NO_CHROMIUM_HELP, findChromium } from "./find-chromium.mjs";
import { findNginx } from "./find-nginx.mjs";

const reports = ".data/test-reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let chromium;
try {
  chromium = findChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
if (!chromium) {
  console.error(NO_CHROMIUM_HELP);
  process.exit(1);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHROMIUM_PATH: chromium };
const totals = { passed: 0, failed: 0 };

/** Runs one step; `count` reads its JSON report into the totals, passed or not. */
function run(label, command, args, { extraEnv = {}, count } = {}) {
  console.info(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  try {
    count?.();
  } catch {
    // No report: the runner stopped before writing one, and its exit code says so.
  }
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed after ${seconds}s`);
    return false;
  }
  console.info(`✓ ${label} (${seconds}s)`);
  return true;
}

function countVitest(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

function countPlaywright(file) {
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
}

function countTopology(file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.passed;
  totals.failed += report.failed;
}

const vitest = (project) => ({
  args: ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/${project}.json`],
  count: () => countVitest(`${reports}/${project}.json`),
});

const steps = [
  () => run("route types", "npx", ["next", "typegen"]),
  () => run("type check", "npx", ["tsc", "--noEmit"]),
  () => run("lint", "npx", ["eslint", "--max-warnings=0", "."]),
  () => run("unit tests", "npx", vitest("unit").args, { count: vitest("unit").count }),
  () => run("integration tests", "npx", vitest("integration").args, { count: vitest("integration").count }),
  // Built as the end-to-end tests serve it: canonical URLs and feeds carry the
  // test server's address, and the blog gains its test draft and scheduled post.
  () =>
    run("production build", "npx", ["next", "build"], {
      extraEnv: { APP_URL: `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`, POSTS_FIXTURES_DIR: "e2e/fixtures/posts" },
    }),
  () =>
    run("end-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"], {
      extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
      count: () => countPlaywright(`${reports}/e2e.json`),
    }),
  // Production's shape on the same build: nginx from deploy/, two servers, one PostgreSQL.
  () => {
    if (!findNginx()) {
      console.info("\n▷ topology test skipped: nginx is not installed (sudo apt-get install -y nginx-light; .ci/run installs it).");
      return true;
    }
    return run("topology test (nginx, two servers, PostgreSQL)", "node", ["scripts/topology-test.mjs"], {
      extraEnv: { TOPOLOGY_REPORT: `${reports}/topology.json`, POSTS_FIXTURES_DIR: "e2e/fixtures/posts" },
      count: () => countTopology(`${reports}/topology.json`),
    });
  },
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
console.info(`\nTests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
