/**
 * Runs once when a server starts: keeps database errors' text out of the log,
 * validates the configuration (a bad value stops the start), migrates the
 * database and starts the periodic sweep.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The build never touches the database or needs runtime secrets.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Before anything can fail: Next logs an escaped error whole, and a database error's text carries a stranger's input.
  const { quietDatabaseErrorsInLogs } = await import("./lib/server/quiet-database-errors");
  quietDatabaseErrorsInLogs();
  // Before the first request: the rate limits' client address without a proxy.
  const { stampSocketAddresses } = await import("./lib/server/socket-address");
  await stampSocketAddresses();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
