/** A chunked request body (no Content-Length) of `chunks` × 64 KB, counting how much the reader pulled. */
export function chunkedBody(chunks: number) {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks === chunks) return controller.close();
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  return { stream, pulled };
}

export const THREE_MEGABYTES_OF_CHUNKS = 48;

/** A POST whose body streams; `duplex` is what undici needs for a stream. */
export function streamingPost(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}
