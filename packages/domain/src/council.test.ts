import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS, SLUG_PATTERN, contact, council, councilSlug } from './council.js';

describe('council slugs', () => {
  it.each(['worcestershire', 'somerset', 'north-yorkshire', 'bath-and-north-east-somerset', 'st-helens', 'b2'])('accepts %s', (slug) => {
    expect(councilSlug.parse(slug)).toBe(slug);
  });

  it.each([
    ['Somerset', /lower-case/],
    ['north--yorkshire', /single hyphens/],
    ['-somerset', /single hyphens/],
    ['somerset-', /single hyphens/],
    ['s', /at least 2/],
    ['a'.repeat(64), /at most 63/],
    ['some set', /lower-case/],
    ['sömerset', /lower-case/],
    ['compare', /reserved/],
    ['manage', /reserved/],
    ['trpc', /reserved/],
  ])('refuses %s, saying why', (slug, why) => {
    const result = councilSlug.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(why);
  });

  it('accepts exactly the URL-safe, unreserved strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (text) => {
        const result = councilSlug.safeParse(text);
        const expected =
          text.trim().length >= 2 && text.trim().length <= 63 && SLUG_PATTERN.test(text.trim()) && !RESERVED_SLUGS.has(text.trim());
        expect(result.success).toBe(expected);
        if (result.success) expect(encodeURIComponent(result.data)).toBe(result.data);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a council', () => {
  it('needs a known kind and nation', () => {
    const result = council.safeParse({ slug: 'wales-body', name: 'A body', kind: 'parish', nation: 'cornwall' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['kind', 'nation']);
  });

  it('may be another public body, not only a council', () => {
    expect(council.parse({ slug: 'nhs-example-icb', name: 'NHS Example ICB', kind: 'other-public-body', nation: 'england' }).kind).toBe(
      'other-public-body',
    );
  });
});

describe('a contact', () => {
  it('needs at least one way to reach it', () => {
    expect(contact.safeParse({ team: 'Children and Young People\u2019s Team' }).error?.issues[0]?.message).toMatch(/at least one way/);
    expect(contact.parse({ team: 'Team', phone: '0300 123 2224' }).phone).toBe('0300 123 2224');
  });

  it('refuses a phone number or email that is not one', () => {
    expect(contact.safeParse({ team: 'Team', phone: 'call us' }).success).toBe(false);
    expect(contact.safeParse({ team: 'Team', email: 'childrens at somerset' }).success).toBe(false);
  });
});
