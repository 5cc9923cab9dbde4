import { describe, expect, it } from 'vitest';
import { growth, verdict } from './growth.js';

const sizes = (at50, at150) => [
  { councils: 25, serverMsEstimate: at50 / 2 },
  { councils: 50, serverMsEstimate: at50 },
  { councils: 150, serverMsEstimate: at150 },
];

describe('growth with the number of councils', () => {
  it('calls three times the time for three times the councils linear, and less than that too', () => {
    expect(growth(sizes(4, 12), 50, 150)).toMatchObject({ councilsRatio: 3, serverRatio: 3, linear: true });
    expect(growth(sizes(4, 5), 50, 150)).toMatchObject({ serverRatio: 1.25, linear: true });
  });

  it('calls nine times the time for three times the councils (quadratic) not linear', () => {
    expect(growth(sizes(4, 36), 50, 150)).toMatchObject({ serverRatio: 9, linear: false });
  });

  it('forgives noise of a millisecond where the times are tiny', () => {
    expect(growth(sizes(0.2, 1.1), 50, 150).linear).toBe(true);
  });

  it('needs a measurement at both sizes', () => {
    expect(() => growth(sizes(1, 2), 50, 100)).toThrow(/100 councils/);
  });
});

describe('the verdict on a target', () => {
  it('passes linear growth within 50 ms at 150 councils, and nothing else', () => {
    expect(verdict(sizes(10, 30), { from: 50, to: 150, targetMs: 50 }).pass).toBe(true);
    expect(verdict(sizes(20, 60), { from: 50, to: 150, targetMs: 50 })).toMatchObject({ withinTarget: false, pass: false });
    expect(verdict(sizes(2, 40), { from: 50, to: 150, targetMs: 50 })).toMatchObject({ withinTarget: true, pass: false });
  });
});
