/**
 * Runs once when a server starts: validates the configuration (a bad value
 * stops the start), migrates the database and starts the periodic sweep.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The build never touches the database or needs runtime secrets.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Before the first request: the rate limits' client address without a proxy.
  const { stampSocketAddresses } = await import("./lib/server/socket-address");
  await stampSocketAddresses();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
