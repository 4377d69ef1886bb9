// What the bench scripts share: medians, how a time prints, and CPU time from /proc.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const ms = (value) => `${value.toFixed(0).padStart(4)} ms`;

/** A duration for people: milliseconds below ten seconds, seconds above. */
export const duration = (value) =>
  value < 10_000 ? ms(value) : `${(value / 1000).toFixed(1).padStart(5)} s`;

/**
 * CPU time (user + system) of this process's finished children, from /proc on Linux: steadier
 * than wall time when other work shares the machine. Clock ticks are 1/100 s there. A child's
 * figure includes the descendants it waited for.
 */
export function childrenCpu() {
  if (process.platform !== 'linux') return Number.NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** The 1-minute load average, to print beside the figures: a shared machine slows them all. */
export const load = () => loadavg()[0].toFixed(1);
