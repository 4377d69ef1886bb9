import { describe, expect, it } from 'vitest';
import { packageNameProblem, suggestPackageName } from '../../src/project/package-name.js';

describe('package names', () => {
  it.each(['my-app', 'api', 'a1', 'my.app', 'my_app', 'x~y'])('accepts %s', (name) => {
    expect(packageNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'it is empty'],
    ['My-App', 'it has uppercase letters'],
    ['.hidden', 'it starts with "." or "_"'],
    ['_private', 'it starts with "." or "_"'],
    ['my app', 'it has characters npm does not allow'],
    ['café', 'it has characters npm does not allow'],
    ['node_modules', 'npm reserves it'],
    ['a'.repeat(215), 'it is longer than 214 characters'],
  ])('refuses %j: %s', (name, problem) => {
    expect(packageNameProblem(name)).toBe(problem);
  });

  it.each([
    ['My App!', 'my-app'],
    ['  Hello   World  ', 'hello-world'],
    ['_secret', 'secret'],
    ['über', 'ber'],
    ['!!!', 'my-backend'],
  ])('suggests a valid name for %j: %s', (name, suggestion) => {
    expect(suggestPackageName(name)).toBe(suggestion);
    expect(packageNameProblem(suggestPackageName(name))).toBeUndefined();
  });
});
