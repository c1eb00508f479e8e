/**
 * Reading a request body with a stated cap. A declared Content-Length over
 * the cap is refused before a byte is read; a chunked body (no length) is
 * read as it streams and dropped the moment it passes the cap, so no route
 * handler ever holds more than its cap in memory.
 */
export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false };

export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes)) return { ok: false };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a tee'd stream's cancel settles only once every branch is cancelled.
      void reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The body as UTF-8 text, or null past the cap. */
export async function readCappedText(request: Request, maxBytes: number): Promise<string | null> {
  const body = await readCappedBody(request, maxBytes);
  return body.ok ? new TextDecoder().decode(body.bytes) : null;
}

/** The answer past the cap: nothing was read further, nothing changed. */
export function bodyTooLarge(maxBytes: number): Response {
  return new Response(`The body is larger than the ${maxBytes} bytes this address accepts.\n`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" },
  });
}
