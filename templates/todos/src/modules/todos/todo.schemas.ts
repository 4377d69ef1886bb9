import { z } from "zod";
import { pageSchema } from "../../core/pagination.js";

export const todoSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    done: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Todo" });

export const todoPageSchema = pageSchema(todoSchema).meta({ id: "TodoPage" });

const title = z.string().trim().min(1).max(200);

export const createTodoSchema = z.object({ title }).meta({ id: "CreateTodo" });

export const updateTodoSchema = z
  .object({ title, done: z.boolean() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, "Provide at least one field")
  .meta({ id: "UpdateTodo" });

export const todoParamsSchema = z.object({ id: z.uuid() });

export type CreateTodo = z.output<typeof createTodoSchema>;
export type UpdateTodo = z.output<typeof updateTodoSchema>;
