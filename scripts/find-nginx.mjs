// Where Debian's nginx lives, or null when it is not installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findNginx() {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}
