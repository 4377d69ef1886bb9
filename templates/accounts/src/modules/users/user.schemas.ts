import { z } from "zod";
import { pageSchema } from "../../core/pagination.js";
import { userRole } from "./users.table.js";

export const roleSchema = z.enum(userRole.enumValues);

export type Role = z.infer<typeof roleSchema>;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    role: roleSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "User" });

export const userPageSchema = pageSchema(userSchema).meta({ id: "UserPage" });
