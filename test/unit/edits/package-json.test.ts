import { describe, expect, it } from 'vitest';
import { mergePackageJson } from '../../../src/edits/package-json.js';

const before = {
  scripts: { build: 'tsc' },
  dependencies: { express: '5.3.0' },
  devDependencies: { vitest: '4.1.12' },
};
const after = {
  scripts: { build: 'tsc', 'db:migrate': 'tsx src/db/migrate.ts' },
  dependencies: { 'drizzle-orm': '0.45.4', express: '5.3.0', pg: '8.23.1' },
  devDependencies: { 'drizzle-kit': '0.31.11', vitest: '4.1.12' },
};

const userFile = `{
\t"name": "shop",
\t"description": "mine",
\t"scripts": {
\t\t"build": "tsc",
\t\t"seed": "node seed.js"
\t},
\t"dependencies": {
\t\t"express": "5.3.0",
\t\t"zzz-user-lib": "1.0.0"
\t},
\t"devDependencies": {
\t\t"vitest": "4.1.12"
\t}
}
`;

const expected = `{
\t"name": "shop",
\t"description": "mine",
\t"scripts": {
\t\t"build": "tsc",
\t\t"seed": "node seed.js",
\t\t"db:migrate": "tsx src/db/migrate.ts"
\t},
\t"dependencies": {
\t\t"drizzle-orm": "0.45.4",
\t\t"express": "5.3.0",
\t\t"pg": "8.23.1",
\t\t"zzz-user-lib": "1.0.0"
\t},
\t"devDependencies": {
\t\t"drizzle-kit": "0.31.11",
\t\t"vitest": "4.1.12"
\t}
}
`;

describe('mergePackageJson', () => {
  it('adds what the module brings, keeps the user’s scripts, deps, fields and tabs', () => {
    expect(mergePackageJson(userFile, before, after)).toBe(expected);
  });

  it('is idempotent: an applied merge leaves the file byte for byte', () => {
    expect(mergePackageJson(expected, before, after)).toBe(expected);
  });

  it('leaves a version the user changed alone when the generator did not change it', () => {
    const bumped = userFile.replace('"express": "5.3.0"', '"express": "5.4.0"');
    expect(mergePackageJson(bumped, before, after)).toContain('"express": "5.4.0"');
  });

  it('adds sections the user’s file does not have', () => {
    const merged = JSON.parse(mergePackageJson('{ "name": "x" }\n', {}, after));
    expect(merged.dependencies).toEqual(after.dependencies);
    expect(merged.name).toBe('x');
  });

  it('adds a field the change brings when the user has none, and keeps theirs', () => {
    const withScarf = { ...after, scarfSettings: { enabled: false } };
    const added = JSON.parse(mergePackageJson('{ "name": "x" }\n', before, withScarf));
    expect(added.scarfSettings).toEqual({ enabled: false });
    const theirs = '{ "name": "x", "scarfSettings": { "enabled": true } }\n';
    expect(JSON.parse(mergePackageJson(theirs, before, withScarf)).scarfSettings).toEqual({
      enabled: true,
    });
  });
});
