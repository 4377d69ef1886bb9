// The bare framework: one controller answering {"status":"ok"}, nothing else. Given
// BARE_HEADERS (JSON [name, value] pairs), it also sends those headers, as the generated app
// sets them. Decorators are applied as functions so this runs as plain JavaScript.
import 'reflect-metadata';
import { Controller, Get, Module, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const headers = JSON.parse(process.env.BARE_HEADERS ?? '[]');

class HealthController {
  health(res) {
    for (const [name, value] of headers) res.setHeader(name, value);
    return { status: 'ok' };
  }
}
const descriptor = Object.getOwnPropertyDescriptor(HealthController.prototype, 'health');
Get('health')(HealthController.prototype, 'health', descriptor);
// Only with headers to set: injecting the response has a cost of its own.
if (headers.length > 0) Res({ passthrough: true })(HealthController.prototype, 'health', 0);
Controller()(HealthController);

class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
