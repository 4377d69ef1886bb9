import type { Context, ProcessRunner, RunResult } from '../../src/context.js';
import type { Logger } from '../../src/ui/logger.js';
import type { Prompter, SelectOption } from '../../src/ui/prompter.js';

export { tempDir } from './temp-dirs.js';

/** A logger that records lines instead of printing them. */
export function recordingLogger(): Logger & { lines: string[]; results: unknown[] } {
  const lines: string[] = [];
  const results: unknown[] = [];
  const push = (text: string) => lines.push(text);
  return {
    lines,
    results,
    info: push,
    success: push,
    warn: push,
    error: push,
    detail: push,
    result: (data) => results.push(data),
  };
}

/** A prompt answered from a queue; records what was asked. */
export interface Asked {
  kind: 'select' | 'text' | 'confirm';
  message: string;
  /** The values a select offers; `disabled`: those it shows but rules out, with the reason. */
  options?: string[];
  disabled?: string[];
}

/**
 * A prompter that answers from `answers` in order (a function answer can inspect the options;
 * the symbol `CANCEL` makes that prompt throw as Ctrl-C does).
 */
export function scriptedPrompter(answers: unknown[]): Prompter & { asked: Asked[] } {
  const asked: Asked[] = [];
  const next = async (question: Asked): Promise<never> => {
    asked.push(question);
    if (answers.length === 0) throw new Error(`unexpected prompt: ${question.message}`);
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer as never;
  };
  return {
    asked,
    intro: () => {},
    outro: () => {},
    select: <T extends string>(o: { message: string; options: SelectOption<T>[] }) => {
      const shown = o.options.filter((x) => x.disabled);
      return next({
        kind: 'select',
        message: o.message,
        options: o.options.filter((x) => !x.disabled).map((x) => x.value),
        ...(shown.length > 0 ? { disabled: shown.map((x) => `${x.value}: ${x.hint}`) } : {}),
      });
    },
    text: (o) => next({ kind: 'text', message: o.message }),
    confirm: (o) => next({ kind: 'confirm', message: o.message }),
    spinner: () => ({ start: () => {}, message: () => {}, stop: () => {}, fail: () => {} }),
  };
}

/** A process runner that records commands and answers with canned results. */
export function fakeRunner(
  answer: (
    command: string,
    args: string[],
    options: Parameters<ProcessRunner>[1],
  ) => RunResult | Promise<RunResult> = () => ({ exitCode: 0, output: '' }),
): ProcessRunner & { calls: string[] } {
  const calls: string[] = [];
  const run: ProcessRunner = async ({ command, args }, options) => {
    calls.push([command, ...args].join(' '));
    return answer(command, args, options);
  };
  return Object.assign(run, { calls });
}

/**
 * A context for commands, non-interactive unless a prompter is given; its logger is always a
 * recording one, which the tests read.
 */
export function testContext(
  overrides: Partial<Omit<Context, 'logger'>> & { cwd: string },
): Context & {
  logger: ReturnType<typeof recordingLogger>;
} {
  return {
    env: {},
    interactive: overrides.prompter !== undefined,
    prompter: undefined,
    run: fakeRunner(),
    random: (size) => Buffer.alloc(size, 7),
    now: () => Date.UTC(2026, 10, 21),
    nodeVersion: '24.11.0',
    ...overrides,
    logger: recordingLogger(),
  };
}
