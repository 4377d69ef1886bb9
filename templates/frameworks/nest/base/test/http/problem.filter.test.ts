import type { Server } from "node:http";
import {
  BadRequestException,
  Controller,
  Get,
  InternalServerErrorException,
  NotFoundException,
  Res,
} from "@nestjs/common";
import { APP_FILTER } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { Test } from "@nestjs/testing";
import type { Response } from "express";
import { LoggerModule } from "nestjs-pino";
import type { Options } from "pino-http";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";
import { httpLoggerOptions } from "../../src/http/http-logger.js";
import { ProblemFilter } from "../../src/http/problem.filter.js";

/** The response of the last request, to see what the filter left for the request logger. */
let lastResponse: Response | undefined;

/** Routes that fail the ways a route, a library or Nest itself can. */
@Controller("failures")
class FailuresController {
  @Get("internal")
  internal(@Res({ passthrough: true }) res: Response): never {
    lastResponse = res;
    throw new InternalServerErrorException("host=db.internal user=app refused");
  }

  @Get("bad-request")
  badRequest(): never {
    throw new BadRequestException("The cursor is not valid.");
  }

  @Get("missing")
  missing(): never {
    throw new NotFoundException("The cursor's page is gone.");
  }

  @Get("after-headers")
  afterHeaders(@Res() res: Response): never {
    lastResponse = res;
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.write("partial");
    throw new Error("failed while streaming");
  }
}

let app: NestExpressApplication;
let server: Server;

beforeAll(async () => {
  const logger = createLogger("silent");
  const moduleRef = await Test.createTestingModule({
    imports: [LoggerModule.forRoot(httpLoggerOptions(logger))],
    controllers: [FailuresController],
    providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
  }).compile();
  app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await app.init();
  server = app.getHttpServer();
});

afterAll(() => app.close());

beforeEach(() => {
  lastResponse = undefined;
});

/** The level the request logger logs a finished response at. */
function requestLogLevelOf(res: Response): unknown {
  const { pinoHttp } = httpLoggerOptions(createLogger("silent"));
  const { customLogLevel } = pinoHttp as Options;
  return customLogLevel?.(res.req, res, undefined);
}

describe("ProblemFilter", () => {
  it("answers Nest's own 5xx exception like any unexpected error", async () => {
    const res = await request(server).get("/failures/internal").expect(500);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "An unexpected error occurred.",
      code: "INTERNAL_ERROR",
      requestId: res.headers["x-request-id"],
    });
    expect(res.text).not.toContain("db.internal");
    // The request logger logs the error, with its stack, on the request's line.
    expect(lastResponse?.err?.message).toBe("host=db.internal user=app refused");
  });

  it("answers Nest's own 4xx exception with its status and message", async () => {
    const res = await request(server).get("/failures/bad-request").expect(400);
    expect(res.body).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      detail: "The cursor is not valid.",
    });
  });

  it("answers a path no route matches as the other frameworks do", async () => {
    const res = await request(server).get("/failures/nope?page=2").expect(404);
    expect(res.body).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      detail: "No route matches GET /failures/nope.",
    });
  });

  it("keeps the message of a route's own 404", async () => {
    const res = await request(server).get("/failures/missing").expect(404);
    expect(res.body).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      detail: "The cursor's page is gone.",
    });
  });

  // Without the fix the request hangs: the generous timeout only bounds the wait.
  it("closes the connection of a route that fails after its headers are sent", {
    timeout: 20_000,
  }, async () => {
    // supertest rejects when the connection closes before the response ends.
    await expect(request(server).get("/failures/after-headers")).rejects.toThrow();
    expect(lastResponse?.err?.message).toBe("failed while streaming");
    // Logged as an error, though the status sent was 200.
    expect(lastResponse && requestLogLevelOf(lastResponse)).toBe("error");
  });
});
