import type { Server } from "node:http";
import { type AddressInfo, connect } from "node:net";

/**
 * Starts `server` on a free local port, writes `raw` to it as it is (bytes an HTTP client
 * would refuse to send), and resolves with everything it answered once it closes the connection.
 */
export async function sendRaw(server: Server, raw: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const socket = connect(port, "127.0.0.1", () => socket.write(raw));
  socket.setEncoding("utf8");
  let answer = "";
  socket.on("data", (chunk: string) => {
    answer += chunk;
  });
  await new Promise((resolve) => socket.on("close", resolve));
  return answer;
}
