/**
 * The client's address, counted as Express's `trust proxy` does: with `trustProxy` proxies in
 * front, the address the outermost trusted one put in `X-Forwarded-For`, else the socket's.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | undefined,
  trustProxy: number,
): string {
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(chain.length - 1 - trustProxy, 0)];
}
