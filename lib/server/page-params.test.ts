import { describe, expect, it } from "vitest";
import { checkPageParams } from "./page-params";

const now = new Date("2026-12-07T12:00:00.000Z");
const check = (path: string, search: string) => checkPageParams(path, search, now);

describe("checkPageParams", () => {
  it("passes the query strings our own links write", () => {
    expect(check("/book", "?where=OR&type=intake&day=2026-12-10&month=2026-12&tz=America/Los_Angeles")).toBe("fine");
    expect(check("/book", "?where=outside-us&tz=Etc/GMT%2B5")).toBe("fine");
    expect(check("/book", "?where=elsewhere&tz=new+york")).toBe("fine");
    expect(check("/book", "?where=OR&tz=S%C3%A3o+Paulo")).toBe("fine");
    expect(check("/book/request", "?type=intake&where=CA&start=2026-12-10T17:00:00.000Z&tz=America/New_York")).toBe("fine");
    expect(check("/book/manage/abc", "?tz=UTC&day=2027-01-31")).toBe("fine");
    expect(check("/newsletter/unsubscribe/abc", "?series=chosen")).toBe("fine");
    expect(check("/admin/requests", "?status=no_show&when=upcoming")).toBe("fine");
    expect(check("/admin/subscribers", "?page=12")).toBe("fine");
    expect(check("/admin/newsletter/4b8f", "?problem=unschedule")).toBe("fine");
  });

  it("leaves alone the parameters a page does not read, and pages that read none", () => {
    expect(check("/book", "?utm_source=newsletter")).toBe("fine");
    expect(check("/blog/some-post", "?day=junk")).toBe("fine");
    expect(check("/admin/sign-in", "?error=Verification&callbackUrl=http%3A%2F%2Fx")).toBe("fine");
  });

  it("refuses a start outside the booking window as a time not available", () => {
    for (const start of ["9999-12-31T17:00:00.000Z", "+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "0000-01-01T00:00:00Z", "2026-11-29T12:00:00Z"]) {
      expect(check("/book/request", `?type=intake&start=${encodeURIComponent(start)}`), start).toBe("time not available");
    }
    // The consultation's horizon is 30 days, the intake's 60.
    expect(check("/book/request", "?type=consultation&start=2027-01-20T12:00:00Z")).toBe("time not available");
    expect(check("/book/request", "?type=intake&start=2027-01-20T12:00:00Z")).toBe("fine");
    // A week back still gets the nearest free times.
    expect(check("/book/request", "?type=intake&start=2026-12-01T12:00:00Z")).toBe("fine");
  });

  it("refuses junk, impossible dates, repeats, control characters and overlong query strings", () => {
    for (const [path, search] of [
      ["/book/request", "?start=junk"],
      ["/book/request", "?start=2026-12-10"],
      ["/book", "?day=2026-02-30"],
      ["/book", "?day=9999-12-31"],
      ["/book", "?month=2026-13"],
      ["/book", "?tz=%00"],
      ["/book", `?type=${"x".repeat(300)}`],
      ["/book", "?where=OR&where=CA"],
      ["/book", `?utm=${"a".repeat(2000)}`],
      ["/book/manage/abc", "?tz=%F0%9F%99%82"],
      ["/newsletter/unsubscribe/abc", "?series=%3Cscript%3E"],
      ["/admin/subscribers", "?page=0"],
      ["/admin/subscribers", "?page=99999999999999999999"],
      ["/admin/requests", "?status=%E2%80%AEevil"],
    ] as const) {
      expect(check(path, search), `${path}${search}`).toBe("invalid");
    }
  });
});
