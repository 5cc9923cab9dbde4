import { describe, expect, it } from 'vitest';
import { linearFit } from './linear-fit.js';

describe('the least-squares line', () => {
  it('finds an exact line, with R² of 1', () => {
    const fit = linearFit([
      [25, 3],
      [50, 5],
      [100, 9],
      [150, 13],
    ]);
    expect(fit.slope).toBeCloseTo(0.08);
    expect(fit.intercept).toBeCloseTo(1);
    expect(fit.r2).toBeCloseTo(1);
  });

  it('says how far scattered points are from a line', () => {
    const fit = linearFit([
      [25, 10],
      [50, 2],
      [100, 12],
      [150, 4],
    ]);
    expect(fit.r2).toBeLessThan(0.2);
  });
});
