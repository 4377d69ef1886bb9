import type { Role } from "../users/user.schemas.js";
import type { Auth } from "./auth.js";

/** Who a request is from, as routes and resources see it (the same with jwt). */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

/** The signed-in user of a request's session cookie, if it has a valid one. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<AuthUser | undefined> {
  const session = await auth.api.getSession({ headers });
  if (!session) return undefined;
  const { id, email, role } = session.user;
  return { id, email, role: role as Role };
}
