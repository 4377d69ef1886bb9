import { loadConfig } from "../config/env.js";
import { createLogger } from "../core/logger.js";
import { openDatabase } from "./start.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const database = await openDatabase(config, logger, "migrate");
logger.info("migrations applied");
await database.close();
