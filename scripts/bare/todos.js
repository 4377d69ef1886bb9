// The work behind GET /api/v1/todos, done as the generated app does it with the same libraries,
// for the bare servers beside this file: verify the bearer token with jose (HS256, the same
// secret, issuer and audience, `exp` required), look up the user it was issued to (a token of a
// user who no longer exists is refused), run the repository's list query through a
// node-postgres Pool (the generated app's driver, with its default size) and build the same
// `{ data, nextCursor }` page. JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE and DATABASE_URL come from
// the environment, set by bench-http.js from the generated project's `.env`.
import { jwtVerify } from 'jose';
import pg from 'pg';

const key = new TextEncoder().encode(process.env.JWT_SECRET);
const verifyOptions = {
  algorithms: ['HS256'],
  issuer: process.env.JWT_ISSUER,
  audience: process.env.JWT_AUDIENCE,
  requiredClaims: ['exp'],
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
// Without a listener, an idle client losing its connection would crash the process.
pool.on('error', (error) => console.error('idle database client failed', error));

// What the users repository (findById) asks Drizzle for when the token is verified.
const userQuery = 'select id, email, role, created_at as "createdAt" from users where id = $1';

// What the generated repository (todos.repository.ts) asks Drizzle for: the owner's todos in
// (created_at, id) order, one row more than the page so the page knows whether another follows.
const listQuery = `select id, title, done, created_at as "createdAt", updated_at as "updatedAt"
  from todos where owner_id = $1 order by created_at asc, id asc limit $2`;

/**
 * The id of the user a valid `Authorization: Bearer <access token>` header was issued to, if
 * that user still exists; else undefined.
 */
export async function authenticate(authorization) {
  const [scheme, token] = authorization?.split(' ') ?? [];
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  let subject;
  try {
    subject = (await jwtVerify(token, key, verifyOptions)).payload.sub;
  } catch {
    return undefined;
  }
  const { rows } = await pool.query(userQuery, [subject]);
  return rows[0]?.id;
}

/** The `limit` query parameter (1 to 100, default 20), or undefined when it is not valid. */
export function pageLimit(value) {
  const limit = Number(value ?? 20);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : undefined;
}

/** The first page of the owner's todos. Dates become ISO strings when the page is serialized. */
export async function listTodos(ownerId, limit) {
  const { rows } = await pool.query(listQuery, [ownerId, limit + 1]);
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  const nextCursor =
    rows.length > limit
      ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url')
      : null;
  return { data, nextCursor };
}

export const unauthorized = { status: 401, title: 'Unauthorized' };
export const badRequest = { status: 400, title: 'Bad Request' };

// Stopped with SIGTERM, the process exits normally, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
