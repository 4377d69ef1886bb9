import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { COMMAND_NAME } from '../../src/cli-name.js';
import { tempDir } from '../support/context.js';

/** A stream that keeps what is written to it. */
function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

async function run(...args: string[]) {
  const stdout = collector();
  const stderr = collector();
  const exitCode = await main(['node', COMMAND_NAME, ...args], {
    cwd: await tempDir(),
    env: { NO_COLOR: '1' },
    stdinIsTTY: false,
    stdout,
    stderr,
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}

describe('cli', () => {
  it('gives add resource its own help: the field types and the optional form', async () => {
    const { exitCode, stdout } = await run('add', 'resource', '--help');
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Usage: ${COMMAND_NAME} add resource [options] [name]`);
    expect(stdout).toContain('Field types: string, text, number, integer, boolean, date, enum.');
    expect(stdout).toContain('name?:type (or name:type?) makes it optional');
    expect(stdout).toContain('--fields <fields>');
  });

  it.each([
    [
      ['add', 'resource', 'invoice', '--bogus'],
      'error: unknown option \'--bogus\'; see "create-backend add resource --help".',
    ],
    [
      ['add', '--dry-ru', 'ci'],
      'error: unknown option \'--dry-ru\' (Did you mean --dry-run?); see "create-backend add --help".',
    ],
    [
      ['app', '--frobnicate'],
      'error: unknown option \'--frobnicate\'; see "create-backend --help".',
    ],
    [
      ['app', 'extra'],
      'error: too many arguments. Expected 1 argument but got 2; see "create-backend --help".',
    ],
  ])('refuses an unknown option of %j in one line that points to that help', async (args, line) => {
    const { exitCode, stderr } = await run(...args);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`${line}\n`);
  });

  // A script reading stdout gets a JSON document whether the run worked or not.
  it.each([
    [['app', '--framework', 'koa', '--json'], 'Invalid value "koa" for --framework'],
    [['app', '--bogus', '--json'], "unknown option '--bogus'"],
    [['add', 'redis', '--json'], 'create-backend.json'],
  ])('with --json, a failure of %j is a JSON document on stdout too', async (args, text) => {
    const { exitCode, stdout, stderr } = await run(...args);
    expect(exitCode).toBe(1);
    const { error } = JSON.parse(stdout);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(text);
    expect(stderr).toContain(error.message);
  });

  it('without --json, a failure writes nothing on stdout', async () => {
    const { exitCode, stdout } = await run('app', '--framework', 'koa');
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
  });
});
