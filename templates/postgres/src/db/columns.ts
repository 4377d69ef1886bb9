import { timestamp } from "drizzle-orm/pg-core";

/** A timestamp with time zone, to the millisecond: what a JavaScript Date holds. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Turn an ISO timestamp from a request into a Date for the database; null and absent stay. */
export function toDate(value: string): Date;
export function toDate(value: string | undefined): Date | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === "string" ? new Date(value) : value;
}
