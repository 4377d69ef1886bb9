import { CancelledError } from '../errors.js';

/** One choice in a select prompt. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
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
  const answer = <T>(value: T): Exclude<T, symbol> => {
    if (clack.isCancel(value)) throw new CancelledError();
    return value as Exclude<T, symbol>;
  };
  return {
    intro: (title) => clack.intro(title),
    outro: (message) => clack.outro(message),
    select: async (options) =>
      answer(
        await clack.select({
          message: options.message,
          options: options.options as never,
          initialValue: options.initialValue,
        }),
      ),
    text: async (options) =>
      answer(
        await clack.text({
          message: options.message,
          placeholder: options.placeholder,
          defaultValue: options.defaultValue,
          validate: options.validate ? (value) => options.validate?.(value ?? '') : undefined,
        }),
      ),
    confirm: async (options) => answer(await clack.confirm(options)),
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
