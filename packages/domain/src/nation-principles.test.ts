import { describe, expect, it } from 'vitest';
import { NATIONS } from './nation.js';
import { NATION_FACTS } from './nations.js';
import { pledgeContent } from './pledge.js';
import { PRINCIPLES_BY_NATION, nationOfPrinciple, principleByCode, principleCode, principlesOf } from './reference.js';
import { checkPledge, checkPrincipleNation } from './rules.js';
import { suggestMappings } from './suggest.js';
import { SCOTLAND_PRINCIPLE_RULES, WALES_PRINCIPLE_RULES } from './suggestion-rules-nations.js';

const pledgeWith = (principles: string[], themePrinciples: string[] = []) =>
  pledgeContent.parse({
    introduction: [],
    audiences: ['children-in-care'],
    themes: themePrinciples.length > 0 ? [{ key: 'health', title: 'My health', principles: themePrinciples }] : [],
    promises: [{ number: 1, text: 'We will help you see a doctor.', themeKey: themePrinciples.length > 0 ? 'health' : null, principles }],
  });

describe('each nation’s own principles', () => {
  it('are the principles of the nation’s framework, and every code names one nation', () => {
    for (const nation of NATIONS) {
      expect(principlesOf(nation)).toEqual(NATION_FACTS[nation].framework?.principles ?? []);
      for (const principle of principlesOf(nation)) expect(nationOfPrinciple(principle.code)).toBe(nation);
    }
    const codes = NATIONS.flatMap((nation) => PRINCIPLES_BY_NATION[nation].map((p) => p.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(principleByCode('wales-charter-health')?.shortName).toBe('Good health');
  });

  it('are all accepted as links, and an unknown code gets a clear error', () => {
    expect(principleCode.safeParse('cypsa2014-58a').success).toBe(true);
    const bad = principleCode.safeParse('wales-charter-nonsense');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/principle of England, Wales or Scotland/);
  });
});

describe('a council links only to its own nation’s principles', () => {
  it('lets a Welsh council link to the charter’s principles', () => {
    expect(checkPledge(pledgeWith(['wales-charter-health'], ['wales-charter-home']), 'wales')).toEqual([]);
  });

  it('refuses a Welsh council England’s principles, for a promise and for a theme, saying which and why', () => {
    const findings = checkPrincipleNation(pledgeWith(['cswa2017-1a'], ['cswa2017-1f']), 'wales');
    expect(findings.map((f) => [f.severity, f.message, f.path])).toEqual([
      [
        'error',
        'Promise 1 is linked to “Best interests and wellbeing”, which is not one of the principles that apply in Wales',
        ['promises', 0, 'principles'],
      ],
      [
        'error',
        'The theme “My health” is linked to “Safety and stability”, which is not one of the principles that apply in Wales',
        ['themes', 0, 'principles'],
      ],
    ]);
  });

  it('refuses England’s and Scotland’s councils each other’s principles', () => {
    expect(checkPrincipleNation(pledgeWith(['cypsa2014-58a']), 'england')).toHaveLength(1);
    expect(checkPrincipleNation(pledgeWith(['cswa2017-1a']), 'scotland')).toHaveLength(1);
    expect(checkPrincipleNation(pledgeWith(['cypsa2014-58a']), 'scotland')).toEqual([]);
  });

  it('tells a council in Northern Ireland there are no national principles to link to', () => {
    const [finding] = checkPrincipleNation(pledgeWith(['cswa2017-1a']), 'northern-ireland');
    expect(finding?.message).toBe(
      'Promise 1 is linked to “Best interests and wellbeing”, but councils in Northern Ireland have no national principles to link to',
    );
  });
});

describe('suggestions follow the council’s nation', () => {
  it('has a rule for every principle of Wales and of Scotland, in order', () => {
    expect(WALES_PRINCIPLE_RULES.map((rule) => rule.code)).toEqual(principlesOf('wales').map((p) => p.code));
    expect(SCOTLAND_PRINCIPLE_RULES.map((rule) => rule.code)).toEqual(principlesOf('scotland').map((p) => p.code));
  });

  const promise = { text: 'We will make sure you can see a doctor and keep you safe from bullying.', principles: [], localOfferAreas: [] };
  const principleCodes = (nation: (typeof NATIONS)[number]) =>
    suggestMappings(promise, nation)
      .filter((s) => s.kind === 'principle')
      .map((s) => s.code);

  it('suggests only the nation’s own principles', () => {
    expect(principleCodes('england')).toEqual(['cswa2017-1f']);
    expect(principleCodes('wales')).toEqual(['wales-charter-health']);
    expect(principleCodes('scotland')).toEqual(['cypsa2014-58a']);
    expect(principleCodes('northern-ireland')).toEqual([]);
  });

  it('names a Welsh suggestion by the charter’s principle and says why', () => {
    const [suggestion] = suggestMappings(promise, 'wales');
    expect(suggestion).toMatchObject({ code: 'wales-charter-health', name: 'Good health', reason: 'mentions “doctor”' });
  });
});
