import { loadConfig } from "../config/env.js";
import { createLogger } from "../core/logger.js";
import { connectDatabase } from "./client.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const database = await connectDatabase(config.DATABASE_URL, logger);
try {
  await database.migrate();
  logger.info("migrations applied");
} finally {
  await database.close();
}
