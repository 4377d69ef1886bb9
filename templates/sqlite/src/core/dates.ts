import { z } from "zod";

// Date.UTC would take the year 0 for 1900.
const first = Date.parse("0000-01-01T00:00:00Z");
const end = Date.UTC(10000, 0, 1);

/**
 * A date and time, with its offset, that the API can give back as it took it, once in UTC: SQLite
 * keeps any, as milliseconds, but a year outside 0 to 9999 has no four-digit ISO 8601 form.
 * Refusing others here keeps such a value out of the database.
 */
export const storedDate = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const time = Date.parse(value);
    // A value that is no date at all has its own error already.
    return Number.isNaN(time) || (time >= first && time < end);
  },
  { message: "Must be between the years 0 and 9999 (UTC)" },
);
