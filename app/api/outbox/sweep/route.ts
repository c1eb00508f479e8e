import { env } from "@/lib/env";
import { runSweep } from "@/lib/maintenance/sweep";
import { secretsMatch } from "@/lib/security/hash";

/**
 * The periodic sweep, for a cron: `Authorization: Bearer $CRON_SECRET`.
 * Without a configured secret the route refuses everyone.
 */
async function sweep(request: Request) {
  const secret = env().CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret || !secretsMatch(given, secret)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const result = await runSweep();
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}

export const GET = sweep;
export const POST = sweep;
