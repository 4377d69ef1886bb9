// The bare framework: one route answering {"status":"ok"}, nothing else. Given BARE_HEADERS
// (JSON [name, value] pairs), it also sends those headers, as the generated app sets them
// (on Node's response).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const headers = JSON.parse(process.env.BARE_HEADERS ?? '[]');

const app = new Hono();
app.get('/health', (c) => {
  for (const [name, value] of headers) c.env.outgoing.setHeader(name, value);
  return c.json({ status: 'ok' });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
