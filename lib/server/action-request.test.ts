import { describe, expect, it } from "vitest";
import { isActionArgumentList, isCrossOriginPost, isFormActionPart } from "./action-request";

describe("isCrossOriginPost", () => {
  const post = (headers: Record<string, string>) => isCrossOriginPost(new Headers(headers));

  it("takes this site's own origin, by X-Forwarded-Host first and then Host, as Next does", () => {
    expect(post({ host: "localhost:3000", origin: "http://localhost:3000" })).toBe(false);
    expect(post({ host: "127.0.0.1:3001", "x-forwarded-host": "practice.example.org", origin: "https://practice.example.org" })).toBe(false);
    // A script without an Origin carries no visitor's cookies; Next lets it through too.
    expect(post({ host: "localhost:3000" })).toBe(false);
  });

  it("refuses another site, Origin: null and an Origin that is no address", () => {
    expect(post({ host: "localhost:3000", origin: "https://evil.example" })).toBe(true);
    expect(post({ host: "localhost:3000", origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(post({ host: "localhost:3000", origin: "null" })).toBe(true);
    expect(post({ host: "localhost:3000", origin: "not a url" })).toBe(true);
    expect(post({ host: "localhost:3000", "x-forwarded-host": "practice.example.org", origin: "http://localhost:3000" })).toBe(true);
  });
});

describe("isActionArgumentList", () => {
  it("takes a JSON list of up to 1,000 arguments", () => {
    expect(isActionArgumentList("[]")).toBe(true);
    expect(isActionArgumentList('["$K1"]')).toBe(true);
    expect(isActionArgumentList(JSON.stringify(Array.from({ length: 1000 }, () => 0)))).toBe(true);
  });

  it("refuses what Next's decoder or action.apply would throw on", () => {
    for (const text of ["", "[", "null", '"text"', "7", "{}", JSON.stringify(Array.from({ length: 1001 }, () => 0))]) {
      expect(isActionArgumentList(text), text.slice(0, 20)).toBe(false);
    }
  });

  it("refuses a reference to a part the call does not carry, however deep", () => {
    for (const text of ['["$Q1"]', '["$h1"]', '["$1"]', '[{"a":["$@a"]}]', `${"[".repeat(3000)}"$B2"${"]".repeat(3000)}`]) {
      expect(isActionArgumentList(text), text.slice(0, 20)).toBe(false);
    }
    expect(isActionArgumentList('["$Q1", "$@a"]', new Map([["1", "[]"], ["10", '"x"']]))).toBe(true);
    expect(isActionArgumentList('["$$1", "$undefined", "$K1", "$T1", "$D2026-12-07T00:00:00.000Z"]')).toBe(true);
  });
});

describe("isFormActionPart", () => {
  it("takes the shapes React writes for a form's bound action", () => {
    expect(isFormActionPart(0, '{"id":"abc","bound":"$@1"}')).toBe(true);
    expect(isFormActionPart(1, '[{"status":"idle"}]')).toBe(true);
  });

  it("refuses null, numbers, an unnamed action and overlong argument lists", () => {
    expect(isFormActionPart(1, "null")).toBe(false);
    expect(isFormActionPart(1, "7")).toBe(false);
    expect(isFormActionPart(0, '{"bound":null}')).toBe(false);
    expect(isFormActionPart(1, JSON.stringify(Array.from({ length: 1001 }, () => 0)))).toBe(false);
  });
});
