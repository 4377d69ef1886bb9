import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedEmail {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpCapture {
  /** `SMTP_URL` for `createTestApp(env)`, pointing at this server. */
  env: { SMTP_URL: string };
  /**
   * The first email to `to` (whose subject contains `subject`, when given) not yet taken,
   * waiting for it if need be: the app sends email without holding up its answer.
   */
  nextEmail(to: string, subject?: string): Promise<CapturedEmail>;
  close(): Promise<void>;
}

type Match = (email: CapturedEmail) => boolean;

/** Long enough for a busy machine; a message that is coming arrives in milliseconds. */
const WAIT_MS = 5_000;

/** An SMTP server on a loopback port that keeps every message it receives, for tests to read. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: CapturedEmail[] = [];
  const waiting = new Set<{ matches: Match; resolve: (email: CapturedEmail) => void }>();

  const deliver = (email: CapturedEmail) => {
    for (const waiter of waiting) {
      if (waiter.matches(email)) {
        waiting.delete(waiter);
        waiter.resolve(email);
        return;
      }
    }
    received.push(email);
  };

  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS upgrade nodemailer would try, and no login.
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        deliver({ to, ...parseMessage(Buffer.concat(chunks).toString("utf8")) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    env: { SMTP_URL: `smtp://127.0.0.1:${port}` },
    nextEmail(to, subject = "") {
      const matches: Match = (email) =>
        email.to.includes(to.toLowerCase()) && email.subject.includes(subject);
      const index = received.findIndex(matches);
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as CapturedEmail);
      return new Promise((resolve, reject) => {
        const waiter = {
          matches,
          resolve: (email: CapturedEmail) => {
            clearTimeout(timer);
            resolve(email);
          },
        };
        const timer = setTimeout(() => {
          waiting.delete(waiter);
          reject(new Error(`No email to ${to} (${subject}) within ${WAIT_MS} ms`));
        }, WAIT_MS);
        waiting.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The subject and plain-text body of a single-part message, as nodemailer sends the app's. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? Buffer.from(
            body
              .replace(/=\r\n/g, "")
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8")
        : body;
  return { subject: header("Subject"), text: text.replace(/\r\n/g, "\n").trimEnd() };
}

/** The first link in an email's text. */
export function linkIn(email: CapturedEmail): URL {
  const match = /https?:\/\/\S+/.exec(email.text);
  if (!match) throw new Error(`No link in the email "${email.subject}"`);
  return new URL(match[0]);
}
