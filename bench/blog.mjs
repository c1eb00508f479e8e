// `npm run bench:blog` (run by `npm run bench`): the blog's two benchmarks
// against one production server. Builds first (without the test fixtures,
// with canonical URLs on the bench port) unless BENCH_SKIP_BUILD=1 says the
// build in .next is the one to measure. Prints figures; asserts nothing.
import { firstLoadJs } from "./first-load-js.mjs";
import { lighthouseScores } from "./lighthouse.mjs";
import { buildForBench, freePort, startNext } from "./next-server.mjs";

const port = await freePort();
if (process.env.BENCH_SKIP_BUILD !== "1") await buildForBench(`http://localhost:${port}`);
const server = await startNext(port);
const stopOnSignal = () => server.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);
try {
  await firstLoadJs(server.baseUrl);
  await lighthouseScores(server.baseUrl);
} finally {
  await server.stop();
}
