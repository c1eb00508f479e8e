import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { markSchemaAhead, outOfService } from "./out-of-service";

afterEach(() => markSchemaAhead(false));

function contactPost() {
  return new NextRequest("http://localhost:3000/contact", {
    method: "POST",
    headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
    body: "name=Ana&message=hello",
  });
}

describe("a server out of service (a newer release migrated the database)", () => {
  it("answers every request 503 with Retry-After before doing any work, so nginx may send it elsewhere", async () => {
    markSchemaAhead(true);
    expect(outOfService()).toBe(true);
    for (const request of [contactPost(), new NextRequest("http://localhost:3000/"), new NextRequest("http://localhost:3000/book/manage/%")]) {
      const response = await proxy(request);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain("Nothing you sent was stored");
    }
  });

  it("serves as usual otherwise", async () => {
    const response = await proxy(contactPost());
    expect(response.status).not.toBe(503);
  });
});
