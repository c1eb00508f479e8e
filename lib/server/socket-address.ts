import type { IncomingMessage } from "node:http";

/**
 * The header carrying the TCP peer's address to the app. `next start` does
 * not hand the socket to proxy.ts or to server actions; it copies the peer
 * into X-Forwarded-For only when the client sent none (`??=`), so that
 * header is the client's to write. This one is overwritten on every request
 * before Next sees it, so whatever a client sends under this name is lost.
 */
export const SOCKET_ADDRESS_HEADER = "x-attune-socket-address";

const globalForStamp = globalThis as typeof globalThis & { __attuneSocketStamp?: true };

/** Called once from instrumentation.ts, in the process that owns the HTTP server. */
export async function stampSocketAddresses() {
  if (globalForStamp.__attuneSocketStamp) return;
  globalForStamp.__attuneSocketStamp = true;
  const http = await import("node:http");
  const https = await import("node:https");
  for (const server of [http.Server, https.Server]) {
    const emit = server.prototype.emit;
    server.prototype.emit = function emitWithPeer(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stamp(args[0] as IncomingMessage);
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
}

export function stamp(request: IncomingMessage) {
  const peer = request.socket?.remoteAddress;
  if (peer) request.headers[SOCKET_ADDRESS_HEADER] = peer;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
}
