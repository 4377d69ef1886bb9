import type { EnvVar } from '../modules/types.js';

/** Source of random bytes, injected so snapshots can be deterministic. */
export type RandomBytes = (size: number) => Buffer;

/** `.env.example`: every variable with its description, committed as documentation. */
export function renderEnvExample(vars: readonly EnvVar[]): string {
  const blocks = vars.map((v) => `# ${v.description}\n${v.name}=${v.example}\n`);
  return [
    '# Copy to .env and adjust. Variables set in the environment win over .env.\n',
    ...blocks,
  ].join('\n');
}

/** `.env`: ready-to-run values for development, with fresh secrets. Never committed. */
export function renderEnv(vars: readonly EnvVar[], random: RandomBytes): string {
  const lines = vars.map((v) => {
    const value = v.secret ? random(48).toString('base64url') : (v.value ?? v.example);
    return `${v.name}=${value}`;
  });
  return `# Local settings written by create-backend; git-ignored. See .env.example.\n${lines.join('\n')}\n`;
}
