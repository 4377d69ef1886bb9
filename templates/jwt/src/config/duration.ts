import { z } from "zod";

const secondsPerUnit = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A lifetime such as `15m` or `30d`, in seconds. */
export const duration = z
  .string()
  .regex(/^\d+[smhd]$/, "must be a number followed by s, m, h or d, e.g. 15m")
  .transform((value) => {
    const unit = value.at(-1) as keyof typeof secondsPerUnit;
    return Number(value.slice(0, -1)) * secondsPerUnit[unit];
  });
