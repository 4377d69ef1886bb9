import type { Choices } from '../../src/options/schema.js';

/** The smallest project of a framework: every other choice is `none`. */
export function bareChoices(framework: Choices['framework'] = 'express'): Choices {
  return {
    framework,
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'none',
    ci: 'none',
    observability: 'none',
  };
}
