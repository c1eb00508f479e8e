import { describe, expect, it } from "vitest";
import { offerExpiry } from "./offer-expiry";

const far = new Date("2030-01-01T00:00:00Z");
const NY = "America/New_York";

describe("when an offer ends", () => {
  it("two hours on in her day", () => {
    // 10:00 in New York (EST).
    expect(offerExpiry(new Date("2027-03-01T15:00:00Z"), 2, NY, far)).toEqual(new Date("2027-03-01T17:00:00Z"));
  });

  it("runs on to 9:00 her time when it would end in her night, evening or small hours", () => {
    expect(offerExpiry(new Date("2027-03-02T01:30:00Z"), 2, NY, far)).toEqual(new Date("2027-03-02T14:00:00Z"));
    expect(offerExpiry(new Date("2027-03-02T07:00:00Z"), 2, NY, far)).toEqual(new Date("2027-03-02T14:00:00Z"));
  });

  it("never runs past the last moment; in her night that means 21:00 the evening before", () => {
    const now = new Date("2027-03-01T15:00:00Z");
    expect(offerExpiry(now, 2, NY, new Date("2027-03-01T16:00:00Z"))).toEqual(new Date("2027-03-01T16:00:00Z"));
    // The last moment is 03:00 on the 2nd her time: the offer ends at 21:00 on the 1st.
    expect(offerExpiry(new Date("2027-03-01T20:00:00Z"), 12, NY, new Date("2027-03-02T08:00:00Z"))).toEqual(new Date("2027-03-02T02:00:00Z"));
  });

  it("is no offer when fewer than 30 minutes would be left", () => {
    const now = new Date("2027-03-01T15:00:00Z");
    expect(offerExpiry(now, 2, NY, new Date("2027-03-01T15:20:00Z"))).toBeNull();
  });
});
