import { Controller, Get, Redirect } from "@nestjs/common";
import { APP_FILTER } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { Test } from "@nestjs/testing";
import { LoggerModule } from "nestjs-pino";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assignRequestId, httpLoggerOptions } from "../../src/http/http-logger.js";
import { ProblemFilter } from "../../src/http/problem.filter.js";
import { logTo, testLogger } from "../helpers/app.js";
import { captureLogs } from "../helpers/logs.js";

@Controller()
class LoggedController {
  @Get("things")
  things() {
    return [];
  }

  @Get("callback")
  @Redirect("/welcome?code=secret-code&state=secret-state")
  callback() {}

  @Get("broken")
  broken(): never {
    throw new Error("database on fire");
  }
}

const { destination, lines } = captureLogs();
/** A request's line may be written just after its response has reached the client. */
const logged = () => vi.waitFor(() => expect(lines).not.toHaveLength(0));
let app: NestExpressApplication;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    imports: [LoggerModule.forRoot(httpLoggerOptions(testLogger))],
    controllers: [LoggedController],
    providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
  }).compile();
  app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  app.use(assignRequestId);
  await app.init();
});

afterAll(() => app.close());

beforeEach(() => {
  logTo(destination);
  lines.length = 0;
});

describe("request log line", () => {
  it("logs the request's method, URL and client, and no header, whatever it carries", async () => {
    const res = await request(app.getHttpServer())
      .get("/things?token=secret-token&limit=5")
      .set("Proxy-Authorization", "Basic secret-proxy")
      .set("X-Api-Key", "secret-key")
      .expect(200);
    await logged();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.req).toEqual({
      id: res.headers["x-request-id"],
      method: "GET",
      url: "/things?token=[redacted]&limit=5",
      host: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      remoteAddress: expect.stringMatching(/127\.0\.0\.1$/),
      remotePort: expect.any(Number),
    });
    expect(lines[0]?.res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs a redirect's Location without the secrets its query carries", async () => {
    await request(app.getHttpServer()).get("/callback").expect(302);
    await logged();
    expect(lines).toEqual([
      expect.objectContaining({
        res: { statusCode: 302, location: "/welcome?code=[redacted]&state=[redacted]" },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs a 5xx on one line, at error, with the error and its stack", async () => {
    await request(app.getHttpServer()).get("/broken").expect(500);
    await logged();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        err: expect.objectContaining({ message: "database on fire", stack: expect.any(String) }),
        res: { statusCode: 500 },
      }),
    ]);
  });
});
