import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React's server build; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // On PostgreSQL two workers, a database each, even on two cores: the files spend their time waiting on
    // the server. PGlite runs inside the worker, where a second one only competes for the same cores.
    maxWorkers: process.env.DATABASE_URL ? 2 : undefined,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts{,x}", "components/**/*.test.tsx", "db/**/*.test.ts", "emails/**/*.test.ts{,x}"],
          exclude: ["**/*.integration.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          setupFiles: ["lib/testing/integration-setup.ts"],
          // Bundled rather than loaded by Node, so that its imports of
          // next/headers reach lib/testing/request-scope.ts's stand-in.
          server: { deps: { inline: ["next-auth"] } },
          // A database per worker (lib/testing/worker-database.ts), so files run side by side.
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
