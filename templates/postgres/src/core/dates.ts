import { z } from "zod";

const first = Date.UTC(100, 0, 1);
const end = Date.UTC(10000, 0, 1);

/**
 * A date and time, with its offset, that comes back from PostgreSQL as it was sent, once in UTC:
 * the years 100 to 9999. PostgreSQL keeps more, but a date after 9999 is sent in a form it does
 * not read, and one before the year 100 comes back as a year of the 1900s or 2000s. Refusing
 * others here turns what would be a failed query or a wrong date into a validation error.
 */
export const storedDate = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const time = Date.parse(value);
    // A value that is no date at all has its own error already.
    return Number.isNaN(time) || (time >= first && time < end);
  },
  { message: "Must be between the years 100 and 9999 (UTC)" },
);
