import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to Argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane).

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Takes as long as a real check and always fails, so an unknown email cannot be told from a
 * wrong password by timing.
 */
export async function verifyNoPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword("a password that no account has");
  await verifyPassword(await dummyHash, password);
  return false;
}
