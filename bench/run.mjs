// `npm run bench`: every benchmark, one after another, printing figures.
// Not timed tests: these machines are noisy, so compare ratios and medians.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { runHttpBench } from "./http.mjs";

await runHttpBench();

// Each capability adds its own `bench:NAME` script; run them all.
const { scripts } = JSON.parse(readFileSync("package.json", "utf8"));
for (const name of Object.keys(scripts).filter((script) => script.startsWith("bench:")).sort()) {
  console.info(`\n▶ npm run ${name}`);
  const result = spawnSync("npm", ["run", "--silent", name], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = 1;
}
