// The bare framework: one controller answering {"status":"ok"}, nothing else. Decorators are
// applied as functions so this runs as plain JavaScript.
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

class HealthController {
  health() {
    return { status: 'ok' };
  }
}
const descriptor = Object.getOwnPropertyDescriptor(HealthController.prototype, 'health');
Get('health')(HealthController.prototype, 'health', descriptor);
Controller()(HealthController);

class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
