import { CancelledError } from '../errors.js';
import { interruptible } from '../write/interrupts.js';

/** One choice in a select prompt. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Shown but not choosable; its hint says why. */
  disabled?: boolean;
}

/** A running spinner (or, without a TTY, plain progress lines). */
export interface Spinner {
  start(message: string): void;
  /** Changes the text while it spins. */
  message(message: string): void;
  stop(message: string): void;
  fail(message: string): void;
}

/**
 * The questions the CLI can ask. Injected so tests answer them; every method rejects with
 * `CancelledError` when the user presses Ctrl-C.
 */
export interface Prompter {
  intro(title: string): void;
  select<T extends string>(options: {
    message: string;
    options: SelectOption<T>[];
    initialValue?: T;
  }): Promise<T>;
  text(options: {
    message: string;
    placeholder?: string;
    defaultValue?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string>;
  confirm(options: { message: string; initialValue?: boolean }): Promise<boolean>;
  spinner(): Spinner;
  outro(message: string): void;
}

/** Prompts with @clack/prompts, loaded only when a question is actually asked. */
export async function createClackPrompter(): Promise<Prompter> {
  const clack = await import('@clack/prompts');
  // A stop signal (`kill`, a closed terminal) cancels the question as Ctrl-C does, so the
  // prompt puts the cursor back and the run says "Cancelled" instead of ending mid-question.
  const answer = <T>(ask: (signal: AbortSignal) => Promise<T>): Promise<Exclude<T, symbol>> =>
    interruptible(async (signal) => {
      const value = await untilInputEnds(ask(signal));
      if (clack.isCancel(value)) throw new CancelledError();
      return value as Exclude<T, symbol>;
    });
  return {
    intro: (title) => clack.intro(title),
    outro: (message) => clack.outro(message),
    select: (options) =>
      answer((signal) =>
        clack.select({
          message: options.message,
          options: options.options as never,
          initialValue: options.initialValue,
          signal,
        }),
      ),
    text: (options) =>
      answer((signal) =>
        clack.text({
          message: options.message,
          placeholder: options.placeholder,
          defaultValue: options.defaultValue,
          validate: options.validate ? (value) => options.validate?.(value ?? '') : undefined,
          signal,
        }),
      ),
    confirm: (options) => answer((signal) => clack.confirm({ ...options, signal })),
    spinner: () => {
      const spin = clack.spinner();
      return {
        start: (message) => spin.start(message),
        message: (message) => spin.message(message),
        stop: (message) => spin.stop(message),
        fail: (message) => spin.error(message),
      };
    },
  };
}

/**
 * A prompt's answer, or a cancellation when nothing is left that could answer it: Ctrl-D (end of
 * input) closes the terminal's reader, the prompt never settles, and the process would
 * otherwise end with Node's exit code 13 for an unsettled top-level await, saying nothing.
 */
export async function untilInputEnds<T>(prompt: Promise<T>): Promise<T> {
  let stop = () => {};
  const ended = new Promise<never>((_, reject) => {
    const cancel = () => reject(new CancelledError());
    process.once('beforeExit', cancel);
    stop = () => process.off('beforeExit', cancel);
  });
  try {
    return await Promise.race([prompt, ended]);
  } finally {
    stop();
  }
}
