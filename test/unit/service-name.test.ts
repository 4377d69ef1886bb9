import { describe, expect, it } from 'vitest';
import { serviceName } from '../../src/plan/plan.js';

describe('serviceName', () => {
  it.each([
    ['shop-api', 'shop-api'],
    ['shop.api_v2', 'shop-api-v2'],
    ['2fa-service', 'fa-service'],
    ['a'.repeat(80), 'a'.repeat(50)],
    ['x-'.repeat(40), 'x-'.repeat(25).slice(0, 49)],
    ['123', 'app'],
  ])('makes a DNS label of %j', (name, label) => {
    expect(serviceName(name)).toBe(label);
    expect(serviceName(name)).toMatch(/^[a-z]([a-z0-9-]*[a-z0-9])?$/);
  });
});
