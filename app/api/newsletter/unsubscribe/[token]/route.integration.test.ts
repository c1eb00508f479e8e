import { describe, expect, it } from "vitest";
import { POST } from "./route";
import { chunkedBody, streamingPost, THREE_MEGABYTES_OF_CHUNKS } from "@/lib/testing/chunked-body";

const token = "a".repeat(43);
const url = `http://localhost:3000/api/newsletter/unsubscribe/${token}`;
const context = { params: Promise.resolve({ token }) };

describe("one-click unsubscribe", () => {
  it("refuses a chunked 3 MB body with 413, having read no more than its cap", async () => {
    const { stream, pulled } = chunkedBody(THREE_MEGABYTES_OF_CHUNKS);
    const response = await POST(streamingPost(url, stream, { "content-type": "application/x-www-form-urlencoded" }), context);
    expect(response.status).toBe(413);
    // The stream may have one chunk pulled ahead of the reader.
    expect(pulled.chunks).toBeLessThanOrEqual(2);
  });

  it("still reads the one-click form", async () => {
    const response = await POST(streamingPost(url, "List-Unsubscribe=One-Click", { "content-type": "application/x-www-form-urlencoded" }), context);
    expect(response.status).toBe(200);
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    expect((await POST(new Request(url, { method: "POST", body: multipart }), context)).status).toBe(200);
    expect((await POST(streamingPost(url, "List-Unsubscribe=Other", { "content-type": "application/x-www-form-urlencoded" }), context)).status).toBe(400);
  });
});
