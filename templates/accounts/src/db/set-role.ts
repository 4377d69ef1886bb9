// `npm run user:role <email> <role>`: gives a user a role, on the database DATABASE_URL names.
import { loadConfig } from "../config/env.js";
import { createLogger } from "../core/logger.js";
import { setRole } from "../modules/users/set-role.js";
import { roleSchema } from "../modules/users/user.schemas.js";
import { openDatabase } from "./start.js";

const [email, role] = process.argv.slice(2);
const parsedRole = roleSchema.safeParse(role);
if (!email || !parsedRole.success) {
  console.error(`Usage: npm run user:role <email> <${roleSchema.options.join("|")}>`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase(config, createLogger(config.LOG_LEVEL), "ping");
try {
  const found = await setRole(database.db, email, parsedRole.data);
  console.log(found ? `${email} is now ${parsedRole.data}.` : `No user has the email ${email}.`);
  if (!found) process.exitCode = 1;
} finally {
  await database.close();
}
