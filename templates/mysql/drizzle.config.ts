import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "mysql",
  schema: "./src/modules/*/*.table.ts",
  out: "./drizzle",
});
