// The bare framework: one controller with GET /health answering {"status":"ok"} and
// GET /api/v1/todos doing the generated app's work (./todos.js) with nothing around it: no
// guards, pipes, interceptors, security headers, CORS, rate limit or logging. Decorators are
// applied as functions so this runs as plain JavaScript.
import 'reflect-metadata';
import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Module,
  Query,
  UnauthorizedException,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { authenticate, listTodos, pageLimit } from './todos.js';

class BareController {
  health() {
    return { status: 'ok' };
  }

  async listTodos(authorization, limitParam) {
    const ownerId = await authenticate(authorization);
    if (!ownerId) throw new UnauthorizedException();
    const limit = pageLimit(limitParam);
    if (!limit) throw new BadRequestException();
    return listTodos(ownerId, limit);
  }
}
const { prototype } = BareController;
const method = (name) => Object.getOwnPropertyDescriptor(prototype, name);
Get('health')(prototype, 'health', method('health'));
Get('api/v1/todos')(prototype, 'listTodos', method('listTodos'));
Headers('authorization')(prototype, 'listTodos', 0);
Query('limit')(prototype, 'listTodos', 1);
Controller()(BareController);

class AppModule {}
Module({ controllers: [BareController] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(Number(process.env.PORT), '127.0.0.1');
