import { z } from "zod";

const first = Date.UTC(1000, 0, 1);
const end = Date.UTC(10000, 0, 1);

/**
 * A date and time, with its offset, that MySQL's DATETIME can store once it is in UTC: the years
 * 1000 to 9999. Refusing others here turns what would be a failed query into a validation error.
 */
export const storedDate = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const time = Date.parse(value);
    // A value that is no date at all has its own error already.
    return Number.isNaN(time) || (time >= first && time < end);
  },
  { message: "Must be between the years 1000 and 9999 (UTC)" },
);
