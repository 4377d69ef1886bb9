// The bare framework: one route answering {"status":"ok"}, nothing else.
import express from 'express';

const app = express();
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
