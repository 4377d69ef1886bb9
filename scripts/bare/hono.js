// The bare framework: one route answering {"status":"ok"}, nothing else. Given BARE_HEADERS
// (JSON [name, value] pairs), it also sends those headers, with the answer's own in one
// writeHead() call, as the generated app does. (A plain object of headers on a Response keeps
// @hono/node-server on that path; c.json()'s headers argument builds a WHATWG Headers first.)
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const pairs = JSON.parse(process.env.BARE_HEADERS ?? '[]');
const headers = { 'Content-Type': 'application/json', ...Object.fromEntries(pairs) };

const app = new Hono();
app.get('/health', (c) =>
  pairs.length > 0 ? new Response('{"status":"ok"}', { headers }) : c.json({ status: 'ok' }),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
