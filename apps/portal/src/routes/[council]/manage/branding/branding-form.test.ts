import { branding } from '@pledgekeeper/domain/council';
import { describe, expect, it } from 'vitest';
import { brandingOfValues, placeIssue, valuesOf } from './branding-form';

const ID = 'a'.repeat(64);

describe('the branding form', () => {
  it('reads back what it shows, logo and all', () => {
    const stored = {
      brandColour: '#00594f',
      brandName: 'Somerset',
      brandLogo: { id: ID, type: 'image/png' as const, alt: 'Somerset Council' },
    };
    expect(branding.parse(brandingOfValues(valuesOf(stored)))).toEqual(stored);
  });

  it('takes empty boxes as "not chosen", and a ticked "Remove the logo" as no logo', () => {
    const values = { ...valuesOf(null), logoId: ID, logoType: 'image/svg+xml', alt: 'Crest', removeLogo: true };
    expect(brandingOfValues(values)).toEqual({ brandColour: null, brandName: null, brandLogo: null });
  });

  it('puts a missing description next to its box, and a bad colour next to the colour', () => {
    const values = { ...valuesOf(null), colour: '#ffdd00', logoId: ID, logoType: 'image/svg+xml', alt: '' };
    const parsed = branding.safeParse(brandingOfValues(values));
    expect(parsed.success).toBe(false);
    const placed = Object.fromEntries(parsed.error!.issues.map((issue) => [placeIssue(issue.path), issue.message]));
    expect(placed.brandColour).toMatch(/contrast/);
    expect(placed.logoAlt).toMatch(/Describe the logo/);
  });
});
