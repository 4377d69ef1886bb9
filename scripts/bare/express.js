// The bare framework: GET /health answering {"status":"ok"}, and GET /api/v1/todos doing the
// generated app's work (./todos.js) with nothing around it: no security headers, CORS, rate
// limit, request id, logging or validation library.
import express from 'express';
import { authenticate, badRequest, listTodos, pageLimit, unauthorized } from './todos.js';

const app = express();
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
// Express 5 passes a rejected promise (a failed query) on to its error handler.
app.get('/api/v1/todos', async (req, res) => {
  const ownerId = await authenticate(req.headers.authorization);
  if (!ownerId) return res.status(401).json(unauthorized);
  const limit = pageLimit(req.query.limit);
  if (!limit) return res.status(400).json(badRequest);
  res.json(await listTodos(ownerId, limit));
});
app.listen(Number(process.env.PORT), '127.0.0.1');
