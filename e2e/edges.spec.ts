import { request as http } from "node:http";
import { hiddenInputs } from "../scripts/html-form.mjs";
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

/** The id of the action a page's form posts to, as React writes it into the form's hidden fields. */
async function formAction(request: import("@playwright/test").APIRequestContext, path: string, field: string) {
  const html = await (await request.get(path)).text();
  const hidden = hiddenInputs(html, field) as Record<string, string>;
  const bound = Object.entries(hidden).find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  const id = bound ? (JSON.parse(bound) as { id: string }).id : undefined;
  expect(id, `${path}'s action id`).toBeTruthy();
  return { hidden, id: id! };
}

test("a start no booking page offers gets a plain 400 page, and the database is never asked", async ({ request }) => {
  const far = ["9999-12-31T17:00:00.000Z", "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00Z", "2000-01-01T00:00:00.000Z"];
  for (const start of far) {
    const response = await request.get(`/book/request?${new URLSearchParams({ type: "intake", where: "CA", start })}`);
    expect(response.status(), start).toBe(400);
    expect(await response.text(), start).toContain("This time is not available");
  }
  // A day after the horizon of the kind asked for, and a time a week ago, are answered the same way…
  const day = 24 * 60 * 60 * 1000;
  const tooLate = new Date(Date.now() + 40 * day).toISOString();
  expect((await request.get(`/book/request?type=consultation&start=${tooLate}`)).status()).toBe(400);
  // …while a time inside it still gets the form (free, or with the nearest free times).
  const inside = new Date(Date.now() + 40 * day).toISOString();
  const page = await request.get(`/book/request?type=intake&where=CA&start=${inside}`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain("Choose another time");
});

test("a hand-made query string on a page that reads one gets the plain 400 page, not a 500", async ({ request }) => {
  const token = "A".repeat(43);
  for (const path of [
    "/book?type=intake&where=OR&day=9999-99-99",
    "/book?type=intake&where=OR&month=0000-00",
    `/book?type=${"x".repeat(300)}`,
    "/book?tz=%00",
    "/book?where=OR&where=CA",
    "/book/request?type=intake&start=junk",
    `/book/manage/${token}?day=2026-02-30`,
    `/book/manage/${token}?tz=${"Europe/".repeat(20)}`,
    `/newsletter/unsubscribe/${token}?series=%F0%9F%99%82`,
    `/book?q=${"a".repeat(2000)}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("This link is not valid");
  }
  // Our own links pass untouched.
  expect((await request.get("/book?where=OR&type=intake&tz=America/Los_Angeles")).status()).toBe(200);
  expect((await request.get("/book?utm_source=newsletter")).status()).toBe(200);
});

test("a form posted from another site, or from an Origin of null, is a 403 before Next's action handler", async ({ request, baseURL }) => {
  const { hidden } = await formAction(request, "/contact", "message");
  const fields = { ...hidden, website: "", name: "Cross Site", email: "cross.site@example.com", phone: "", preferredContact: "email", message: "From elsewhere.", consent: "yes" };
  for (const origin of ["https://evil.example", "null", `${baseURL!.replace("localhost", "127.0.0.1")}`, "not a url"]) {
    const response = await request.post("/contact", { multipart: fields, headers: { origin }, maxRedirects: 0 });
    expect(response.status(), origin).toBe(403);
    expect(await response.text(), origin).toContain("This form was sent from another website");
  }
  // The same form from this site is read as ever (here refused for its missing answer, with a 200 page).
  const own = await request.post("/contact", { multipart: { ...fields, name: "" }, headers: { origin: baseURL! } });
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("Please tell us your name");
});

test("a JavaScript action call whose arguments are no list, or more than 1,000, gets a 400", async ({ request, baseURL }) => {
  const { id } = await formAction(request, "/contact", "message");
  const headers = { origin: baseURL!, "next-action": id, accept: "text/x-component" };
  for (const [label, body, type] of [
    ["not JSON", "[", "text/plain;charset=UTF-8"],
    ["a string", '"hello"', "text/plain;charset=UTF-8"],
    ["1,001 arguments", JSON.stringify(Array.from({ length: 1001 }, () => 0)), "text/plain;charset=UTF-8"],
    ["multipart root not JSON", '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\nnot json\r\n--x--\r\n', "multipart/form-data; boundary=x"],
  ] as const) {
    const response = await raw("POST", "/contact", { chunks: [Buffer.from(body)], headers: { ...headers, "content-type": type, "content-length": String(Buffer.byteLength(body)) } });
    expect(response.status, label).toBe(400);
  }
});

test("a webhook call without signature headers is refused before its body is read", async () => {
  // The body never ends: an answer can only come from refusing on the headers.
  const started = Date.now();
  const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http({ host: "127.0.0.1", port, method: "POST", path: "/api/webhooks/resend", headers: { host: `localhost:${port}`, "content-type": "application/json" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error("no answer while the body was still coming")));
    req.write(Buffer.alloc(16 * 1024, "a"));
  });
  expect(response.status).toBe(400);
  expect(response.body).toContain("missing signature headers");
  expect(Date.now() - started).toBeLessThan(10_000);
});
