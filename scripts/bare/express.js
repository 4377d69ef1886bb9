// The bare framework: one route answering {"status":"ok"}, nothing else. Given BARE_HEADERS
// (JSON [name, value] pairs), it also sends those headers, as the generated app sets them.
import express from 'express';

const headers = JSON.parse(process.env.BARE_HEADERS ?? '[]');

const app = express();
app.get('/health', (_req, res) => {
  for (const [name, value] of headers) res.setHeader(name, value);
  res.json({ status: 'ok' });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
