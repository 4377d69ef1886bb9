/** Prints why the server cannot start, as one line on stderr, and exits with 1. */
export function exitOnStartupError(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Why listening on `host:port` failed, in one line that says what to change. */
export function listenErrorMessage(error: unknown, host: string, port: number): string {
  const cannot = `Cannot listen on ${host}:${port}`;
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case "EADDRINUSE":
      return `${cannot}: the port is already in use. Stop what uses it, or set PORT to another port.`;
    case "EACCES":
      return `${cannot}: permission denied. Ports below 1024 need privileges; set PORT to 1024 or above.`;
    case "EADDRNOTAVAIL":
      return `${cannot}: HOST is not an address of this machine. Set HOST to one, or to 0.0.0.0 for all.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `${cannot}: HOST does not resolve. Set HOST to an address of this machine, or to 0.0.0.0.`;
    default:
      return `${cannot}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
