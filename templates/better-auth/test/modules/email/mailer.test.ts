import { describe, expect, it } from "vitest";
import { createMailer } from "../../../src/modules/email/mailer.js";
import { captureLogs } from "../../helpers/logs.js";

const message = {
  to: "ada@example.com",
  subject: "Reset your password",
  text: "Open this link: http://localhost:3000/api/v1/auth/reset-password/0neT1me",
};

describe("the mailer without SMTP_URL", () => {
  it("logs the message, link and all, outside of production", async () => {
    const { lines, logger } = captureLogs();
    await createMailer({ MAIL_FROM: "app@localhost", NODE_ENV: "development" }, logger).send(
      message,
    );
    expect(lines).toEqual([expect.objectContaining({ email: message })]);
  });

  it("logs only the subject in production: the links hold one-time tokens", async () => {
    const { lines, logger } = captureLogs();
    await createMailer({ MAIL_FROM: "app@localhost", NODE_ENV: "production" }, logger).send(
      message,
    );
    expect(lines).toEqual([expect.objectContaining({ level: 40, subject: message.subject })]);
    expect(JSON.stringify(lines)).not.toMatch(/0neT1me|ada@example\.com/);
  });
});
