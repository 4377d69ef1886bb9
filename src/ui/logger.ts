import pc from 'picocolors';

/** Human-facing output. With `--json`, it goes to stderr so stdout stays machine-readable. */
export interface Logger {
  info(message: string): void;
  success(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Supporting output (e.g. the end of a failed command's log), dimmed, on stderr. */
  detail(text: string): void;
  /** Machine-readable result: stdout, one JSON document. */
  result(data: unknown): void;
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** A logger over two streams; picocolors already honours NO_COLOR and FORCE_COLOR. */
export function createLogger(
  json: boolean,
  streams: Streams = { stdout: process.stdout, stderr: process.stderr },
): Logger {
  const human = json ? streams.stderr : streams.stdout;
  const line = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  return {
    info: (message) => line(human, message),
    success: (message) => line(human, `${pc.green('✔')} ${message}`),
    warn: (message) => line(streams.stderr, `${pc.yellow('▲')} ${message}`),
    error: (message) => line(streams.stderr, `${pc.red('✖')} ${message}`),
    detail: (text) => line(streams.stderr, pc.dim(text)),
    result: (data) => line(streams.stdout, JSON.stringify(data, null, 2)),
  };
}
