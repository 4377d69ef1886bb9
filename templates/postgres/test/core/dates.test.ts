import { describe, expect, it } from "vitest";
import { storedDate } from "../../src/core/dates.js";

const storable = [
  "0100-01-01T00:00:00Z",
  "2030-01-02T03:04:05.678+02:00",
  "9999-12-31T23:59:59.999Z",
];
const outOfRange = [
  "0000-01-01T00:00:00Z",
  "0099-12-31T23:59:59Z",
  "0100-01-01T00:30:00+01:00",
  "9999-12-31T23:00:00-05:00",
];

describe("storedDate", () => {
  it("takes the years PostgreSQL gives back as they were sent, in UTC", () => {
    for (const value of storable) expect(storedDate.safeParse(value).success).toBe(true);
  });

  it("refuses dates outside them once in UTC, and what is not a date", () => {
    for (const value of [...outOfRange, "tomorrow"]) {
      expect(storedDate.safeParse(value).error?.issues, value).toHaveLength(1);
    }
  });
});
