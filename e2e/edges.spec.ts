import { request as http } from "node:http";
import { expect, test } from "./fixtures";

// Framework edges, against the production build: what a stranger's odd
// request gets must be a page of ours, never Next's bare 500.

const port = Number(process.env.E2E_APP_PORT ?? 3100);

/** A raw request, so the path goes out exactly as written and the body can be chunked (no Content-Length). */
function raw(method: string, path: string, { chunks = [] as Buffer[], headers = {} as Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http({ host: "127.0.0.1", port, method, path, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

test("a path with bad %-encoding gets our 400 page, not a 500", async () => {
  for (const path of ["/book/manage/%", "/blog/%", "/newsletter/confirm/%E0%A4%A", "/freebies/access/%zz"]) {
    const response = await raw("GET", path);
    expect(response.status, path).toBe(400);
    expect(response.body, path).toContain("This address could not be read");
  }
});

test("a chunked post over 1 MB gets the 413 page, not Next's 500", async () => {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const response = await raw("POST", "/contact", {
    chunks: Array.from({ length: 20 }, () => chunk),
    headers: { "content-type": "multipart/form-data; boundary=x", "next-action": "0".repeat(42) },
  });
  expect(response.status).toBe(413);
  expect(response.body).toContain("That was too long to send");
});

test("a form post the framework could not parse gets our 400 page, not a 500", async () => {
  for (const [body, type] of [
    ["--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnn", "multipart/form-data; boundary=x"],
    ["--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAnn\r\n--x--\r\n", "multipart/form-data"],
    ["--x\r\nContent-Disposition: form-data; name=\"$ACTION_1:0\"\r\n\r\nnot json\r\n--x--\r\n", "multipart/form-data; boundary=x"],
  ]) {
    const response = await raw("POST", "/contact", { chunks: [Buffer.from(body!)], headers: { "content-type": type!, "content-length": String(Buffer.byteLength(body!)) } });
    expect(response.status, body).toBe(400);
    expect(response.body).toContain("This form could not be read");
  }
});

test("a chunked post under 1 MB still reaches the form", async ({ page }) => {
  // The proxy reads a copy of a chunked body to measure it; the action must still get the original.
  await page.goto("/contact");
  const hidden = await page.locator("form.form input[type=hidden]").evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
  const boundary = "fuzzboundary";
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = [...hidden.map(([name, value]) => part(name!, value!)), part("name", ""), `--${boundary}--\r\n`].join("");
  const response = await raw("POST", "/contact", {
    chunks: [Buffer.from(body.slice(0, 100)), Buffer.from(body.slice(100))],
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "x-forwarded-for": "2001:db8:ed9e::1" },
  });
  expect(response.status).toBe(200);
  expect(response.body).toContain("Please tell us your name");
});

test("token pages send no referrer to other sites", async ({ request }) => {
  const token = "A".repeat(43);
  for (const [path, policy] of [
    [`/book/manage/${token}`, "same-origin"],
    [`/newsletter/confirm/${token}`, "same-origin"],
    [`/newsletter/unsubscribe/${token}`, "same-origin"],
    [`/admin/sign-in/confirm/${token}`, "same-origin"],
    [`/freebies/access/${token}`, "no-referrer"],
    [`/api/calendar/${token}`, "no-referrer"],
    [`/book/manage/${token}/calendar.ics`, "no-referrer"],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["referrer-policy"], path).toBe(policy);
  }
  expect((await request.get("/")).headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("the development mailbox is a 404 in a production build, without the opt-in", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
  expect((await request.get("/dev/mailbox/00000000-0000-0000-0000-000000000000")).status()).toBe(404);
});
