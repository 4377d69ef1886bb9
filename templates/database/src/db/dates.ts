/** Turn an ISO timestamp from a request into a Date for the database; null and absent stay. */
export function toDate(value: string): Date;
export function toDate(value: string | undefined): Date | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === "string" ? new Date(value) : value;
}
