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

/**
 * The user cancelled: Ctrl-C at a prompt, a declined confirmation, or a stop signal during a
 * run. The message says what was kept, when anything was.
 */
export class CancelledError extends CliError {
  /** `exitCode`: 128 + the number of the signal that stopped the run, as a shell reports it. */
  constructor(message = 'Cancelled', exitCode = 130) {
    super(message, exitCode);
    this.name = 'CancelledError';
  }
}
