import { z } from "zod";
import { userSchema } from "../users/user.schemas.js";

const email = z.email().max(254).toLowerCase();

export const registerSchema = z
  .object({ email, password: z.string().min(12).max(128) })
  .meta({ id: "Register" });

export const loginSchema = z
  .object({ email, password: z.string().min(1).max(128) })
  .meta({ id: "Login" });

export const refreshSchema = z
  .object({ refreshToken: z.string().min(1).max(512) })
  .meta({ id: "RefreshToken" });

export const tokensSchema = z
  .object({ accessToken: z.string(), refreshToken: z.string() })
  .meta({ id: "Tokens" });

export const sessionSchema = tokensSchema.extend({ user: userSchema }).meta({ id: "Session" });

export type Credentials = z.output<typeof loginSchema>;
