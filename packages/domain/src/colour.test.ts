import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRAND_TEXT_COLOUR, brandColour, checkBrandColour, contrastRatio, formatRatio, hexColour, passingShade } from './colour.js';
import { council } from './council.js';

describe('contrast, as WCAG defines it', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The design system's blue on white is 5.17:1 by every published checker.
    expect(formatRatio(contrastRatio('#1d70b8', '#ffffff'))).toBe('5.1:1');
    // Mid grey #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('a brand colour', () => {
  it('accepts a colour white text is readable on, normalising how it was typed', () => {
    expect(brandColour.parse(' #1D70B8 ')).toBe('#1d70b8');
    expect(brandColour.parse('#036')).toBe('#003366');
  });

  it('refuses a colour that fails 4.5:1, and names one of the same hue that passes', () => {
    const result = brandColour.safeParse('#ffcc00');
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    expect(message).toMatch(/^White text on #ffcc00 has a contrast of 1\.\d:1; it needs at least 4\.5:1\. Try #[0-9a-f]{6}/);
    const suggestion = /Try (#[0-9a-f]{6})/.exec(message)?.[1] ?? '';
    expect(contrastRatio(suggestion, BRAND_TEXT_COLOUR)).toBeGreaterThanOrEqual(4.5);
    expect(brandColour.safeParse(suggestion).success).toBe(true);
  });

  it('says clearly when it is not a colour at all', () => {
    expect(hexColour.safeParse('blue').error?.issues[0]?.message).toBe('Enter the colour as a hex code of 6 digits, such as #1d70b8');
    expect(brandColour.safeParse('#12345g').success).toBe(false);
  });

  it('suggests, for any colour, a passing shade that is as light as it can be', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (value) => {
        const colour = `#${value.toString(16).padStart(6, '0')}`;
        const check = checkBrandColour(colour);
        expect(contrastRatio(check.suggestion, BRAND_TEXT_COLOUR)).toBeGreaterThanOrEqual(4.5);
        if (check.passes) expect(check.suggestion).toBe(colour);
        else expect(contrastRatio(check.suggestion, BRAND_TEXT_COLOUR)).toBeLessThan(4.7);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the hue of the colour it darkens', () => {
    // A bright orange becomes a darker orange: red stays the largest channel, blue the smallest.
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(passingShade('#ff9900').slice(at, at + 2), 16));
    expect(r).toBeGreaterThan(g ?? 0);
    expect(g).toBeGreaterThan(b ?? 0);
  });

  it('is optional for a council', () => {
    expect(council.parse({ slug: 'somerset', name: 'Somerset County Council', kind: 'county', nation: 'england' })).toMatchObject({
      brandColour: null,
      brandName: null,
    });
  });
});
