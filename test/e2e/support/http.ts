import { expect } from 'vitest';

/** A response with its body already read (JSON when it is JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: contract tests assert bodies field by field
  body: any;
  text: string;
}

/** Small fetch wrapper for contract checks. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/**
 * Assert an RFC 9457 problem response with the given status and code, carrying the request id
 * and the security headers like every other response.
 */
export function expectProblem(reply: Reply, status: number, code?: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type'), reply.text).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
    code: expect.any(String),
  });
  expect(reply.headers.get('x-request-id')).toBeTruthy();
  expect(reply.body.requestId).toBe(reply.headers.get('x-request-id'));
  expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
  if (code) expect(reply.body.code, reply.text).toBe(code);
  expect(reply.text).not.toMatch(/\bat .+:\d+:\d+/);
}
