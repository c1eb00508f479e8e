import { describe, expect, it } from "vitest";
import { safeReturnPath, sessionCookieOptions } from "./auth.config";

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Secure and __Host- prefixed over HTTPS", () => {
    expect(sessionCookieOptions("https://stillwater.example")).toEqual({
      name: "__Host-attune.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("drops Secure and the prefix only for plain-http localhost in development and tests", () => {
    expect(sessionCookieOptions("http://localhost:3000")).toMatchObject({ name: "attune.session", options: { secure: false, httpOnly: true } });
  });
});

describe("safeReturnPath", () => {
  it("accepts private paths", () => {
    expect(safeReturnPath("/admin")).toBe("/admin");
    expect(safeReturnPath("/admin/messages/0b9f2d2e-6c1e-4a53-9d7c-2f6a4a1d9b11")).toBe("/admin/messages/0b9f2d2e-6c1e-4a53-9d7c-2f6a4a1d9b11");
  });

  it("refuses anything that could lead elsewhere or loop", () => {
    for (const value of [
      undefined,
      "",
      "/",
      "//evil.example",
      "https://evil.example/admin",
      "/admin/../contact",
      "/admin//evil.example",
      "/admin/messages?x=1",
      "/admin\\evil",
      "/administrator",
      "/admin/sign-in",
      "/admin/sign-in/confirm/abc",
      "/admin/signed-out",
    ]) {
      expect(safeReturnPath(value), String(value)).toBeNull();
    }
  });
});
