// The bare framework: GET /health answering {"status":"ok"}, and GET /api/v1/todos doing the
// generated app's work (./todos.js) with nothing around it: no security headers, CORS, rate
// limit, request id, logging or schemas.
import Fastify from 'fastify';
import { authenticate, badRequest, listTodos, pageLimit, unauthorized } from './todos.js';

const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
app.get('/api/v1/todos', async (request, reply) => {
  const ownerId = await authenticate(request.headers.authorization);
  if (!ownerId) return reply.code(401).send(unauthorized);
  const limit = pageLimit(request.query.limit);
  if (!limit) return reply.code(400).send(badRequest);
  return listTodos(ownerId, limit);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
