import { isIPv6 } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv6BinaryToString,
  convertIPv6ToBinary,
  isIPv4MappedIPv6,
} from "hono/utils/ipaddr";
import type { AppEnv } from "./app-env.js";

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

/** The address of a request's client, by `clientAddress`'s rule. */
export function requestClientAddress(c: Context<AppEnv>, trustProxy: number): string {
  // app.request() in tests has no socket.
  const socketAddress = c.env?.incoming ? getConnInfo(c).remote.address : undefined;
  return clientAddress(socketAddress ?? "unknown", c.req.header("x-forwarded-for"), trustProxy);
}

/**
 * What a client is counted by, as Fastify's and NestJS's rate limiters do: an IPv6 address by
 * its /64 network, since one home or host is given a whole /64 and can pick a fresh address per
 * request; an IPv4-mapped one (`::ffff:192.0.2.1`) by its IPv4 address; anything else as it is.
 */
export function clientNetwork(address: string): string {
  // The zone (`fe80::1%eth0`) names an interface of this host, not a part of the network.
  const [bare] = address.split("%");
  if (!isIPv6(bare)) return address;
  const bits = convertIPv6ToBinary(bare);
  if (isIPv4MappedIPv6(bits)) return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(bits));
  return `${convertIPv6BinaryToString((bits >> 64n) << 64n)}/64`;
}
