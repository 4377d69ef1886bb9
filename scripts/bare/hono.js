// The bare framework: GET /health answering {"status":"ok"}, and GET /api/v1/todos doing the
// generated app's work (./todos.js) with nothing around it: no security headers, CORS, rate
// limit, request id, logging or validation library.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { authenticate, badRequest, listTodos, pageLimit, unauthorized } from './todos.js';

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
app.get('/api/v1/todos', async (c) => {
  const ownerId = await authenticate(c.req.header('authorization'));
  if (!ownerId) return c.json(unauthorized, 401);
  const limit = pageLimit(c.req.query('limit'));
  if (!limit) return c.json(badRequest, 400);
  return c.json(await listTodos(ownerId, limit));
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
