/**
 * An error the user caused and can fix: printed as one line, no stack, with its exit code.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The user cancelled (Ctrl-C at a prompt or a declined confirmation). */
export class CancelledError extends CliError {
  constructor() {
    super('Cancelled', 130);
    this.name = 'CancelledError';
  }
}
