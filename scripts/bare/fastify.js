// The bare framework: one route answering {"status":"ok"}, nothing else. Given BARE_HEADERS
// (JSON [name, value] pairs), it also sends those headers, as the generated app sets them.
import Fastify from 'fastify';

const headers = Object.fromEntries(JSON.parse(process.env.BARE_HEADERS ?? '[]'));

const app = Fastify();
app.get('/health', async (_request, reply) => {
  reply.headers(headers);
  return { status: 'ok' };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
