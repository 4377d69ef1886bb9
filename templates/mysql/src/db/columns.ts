import { sql } from "drizzle-orm";
import { datetime, varchar } from "drizzle-orm/mysql-core";

/** A UUID in its text form. */
export const uuid = (name: string) => varchar(name, { length: 36 });

/**
 * A date and time to the millisecond, as a JavaScript Date holds it, in UTC: DATETIME keeps no
 * time zone, and unlike TIMESTAMP it spans the years 1000 to 9999.
 */
export const utcDatetime = (name: string) => datetime(name, { fsp: 3 });

/** The time of the insert in UTC, whatever the session's time zone. */
export const utcNow = sql`(utc_timestamp(3))`;
