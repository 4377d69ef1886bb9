import { createTransport } from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config/env.js";

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends the message; failures are logged, never thrown, so no request fails on them. */
  send(message: Message): Promise<void>;
}

/**
 * Email through `SMTP_URL`. Without it, development and tests get each message in the log (its
 * links hold one-time tokens, so never in production): production logs that nothing was sent.
 */
export function createMailer(
  config: Pick<Config, "SMTP_URL" | "MAIL_FROM" | "NODE_ENV">,
  logger: Pick<Logger, "info" | "warn" | "error">,
): Mailer {
  if (config.SMTP_URL) {
    const transport = createTransport(config.SMTP_URL);
    return {
      async send(message) {
        try {
          await transport.sendMail({ from: config.MAIL_FROM, ...message });
        } catch (error) {
          logger.error({ err: error, subject: message.subject }, "Could not send an email");
        }
      },
    };
  }
  if (config.NODE_ENV === "production") {
    return {
      async send({ subject }) {
        logger.warn({ subject }, "Email not sent: SMTP_URL is not set");
      },
    };
  }
  return {
    async send(message) {
      logger.info({ email: message }, "Email (not sent: SMTP_URL is not set)");
    },
  };
}
