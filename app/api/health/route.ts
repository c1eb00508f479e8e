import { checkHealth } from "@/lib/health";

/**
 * For the proxy and the monitor: 200 when this server is fit to serve (the
 * database answers and holds exactly this build's migrations), else 503.
 * Never cached, by anyone: a stale "ok" would hide an outage.
 */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
