import { describe, expect, it } from "vitest";
import { chunkedBody, streamingPost } from "@/lib/testing/chunked-body";
import { readCappedBody, readCappedText } from "./read-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) => streamingPost("http://localhost/", body, headers);

describe("readCappedBody", () => {
  it("reads a body within the cap", async () => {
    expect(await readCappedText(post("List-Unsubscribe=One-Click"), 100)).toBe("List-Unsubscribe=One-Click");
  });

  it("stops reading a chunked body the moment it passes the cap", async () => {
    const { stream, pulled } = chunkedBody(48); // 3 MB
    expect((await readCappedBody(post(stream), 100 * 1024)).ok).toBe(false);
    expect(pulled.chunks).toBeLessThanOrEqual(3);
  });

  it("refuses a declared length over the cap without reading", async () => {
    const { stream, pulled } = chunkedBody(48);
    expect((await readCappedBody(post(stream, { "content-length": String(3 * 1024 * 1024) }), 1024)).ok).toBe(false);
    expect(pulled.chunks).toBeLessThanOrEqual(1);
  });
});
