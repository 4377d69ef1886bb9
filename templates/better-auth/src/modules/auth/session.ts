import type { Role } from "../users/user.schemas.js";
import type { Auth } from "./auth.js";

/** Who a request is from, as routes and resources see it (the same with jwt). */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

export interface RequestSession {
  /** The signed-in user, if the request carries a valid session cookie. */
  user: AuthUser | undefined;
  /**
   * `Set-Cookie` values for the answer: Better Auth extends a session once a day while it is
   * used, and the browser's cookie must be extended with it (or be cleared, once it expired).
   */
  cookies: string[];
}

/** The session of a request's cookie, as Better Auth's `getSession` sees it. */
export async function requestSession(auth: Auth, headers: Headers): Promise<RequestSession> {
  const { headers: answer, response } = await auth.api.getSession({ headers, returnHeaders: true });
  const cookies = answer.getSetCookie();
  if (!response) return { user: undefined, cookies };
  const { id, email, role } = response.user;
  return { user: { id, email, role: role as Role }, cookies };
}
