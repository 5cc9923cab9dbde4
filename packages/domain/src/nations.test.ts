import { describe, expect, it } from 'vitest';
import { NATIONS } from './council.js';
import { NATION_FACTS, frameworkFor, nationFacts, nationalFrameworks } from './nations.js';
import { PRINCIPLES } from './reference.js';

describe('what a council’s nation decides', () => {
  it('gives England the seven principles of the 2017 Act and Help at Hand', () => {
    const england = nationFacts('england');
    expect(england.framework?.principles.map((p) => p.code)).toEqual(PRINCIPLES.map((p) => p.code));
    expect(england.corporateParentingLaw).toBe('Children and Social Work Act 2017');
    expect(england.careLeaversCoveredTo).toBe(25);
    expect(england.help).toMatchObject({ phone: '0800 528 0731', email: 'help.team@childrenscommissioner.gov.uk' });
    expect(england.help.name).toMatch(/^Help at Hand/);
    expect(frameworkFor('england').intro.join(' ')).toMatch(/Councils in England must have regard/);
  });

  it('gives Wales the voluntary charter, “A promise from Wales”, with its eleven principles, and never England’s words', () => {
    const wales = nationFacts('wales');
    expect(wales.framework).toMatchObject({ statutory: false, code: 'wales-charter-2023' });
    expect(wales.framework?.principles.map((p) => p.shortName)).toEqual([
      'Equality',
      'Eradicating stigma',
      'Working together',
      'Inclusive support',
      'Fulfilling ambitions',
      'Nurturing',
      'Good health',
      'A stable home',
      'Education',
      'Thriving in the future',
      'After care support',
    ]);
    expect(wales.framework?.principles.every((p) => p.code.startsWith('wales-charter-'))).toBe(true);
    expect(wales.corporateParentingLaw).toBeNull();
    expect(wales.careLaw).toBe('Social Services and Well-being (Wales) Act 2014');
    expect(wales.commissioner.name).toBe("Children's Commissioner for Wales");
    const view = frameworkFor('wales');
    expect(view.intro.join(' ')).toMatch(/A promise from Wales.*not a law/);
    expect(JSON.stringify(view)).not.toMatch(/England/);
  });

  it('gives Scotland the section 58 duties of the 2014 Act, and care leavers covered to 26', () => {
    const scotland = nationFacts('scotland');
    expect(scotland.framework?.principles.map((p) => p.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((l) => `cypsa2014-58${l}`));
    expect(scotland.framework?.statutory).toBe(true);
    expect(scotland.careLeaversCoveredTo).toBe(26);
    expect(scotland.commissioner.name).toBe("Children and Young People's Commissioner Scotland");
    expect(frameworkFor('scotland').intro.join(' ')).toMatch(/section 58 of the Children and Young People \(Scotland\) Act 2014/);
  });

  it('says truthfully that Northern Ireland has no corporate parenting statute, and names its care law and strategy', () => {
    const ni = nationFacts('northern-ireland');
    expect(ni.framework).toBeNull();
    expect(ni.corporateParentingLaw).toBeNull();
    expect(ni.careLaw).toBe('Children (Northern Ireland) Order 1995');
    expect(ni.strategy).toMatch(/A Life Deserved/);
    expect(ni.lawInWords).toMatch(/no law on corporate parenting/);
    expect(frameworkFor('northern-ireland')).toMatchObject({ principles: [], source: null });
  });

  it('states an age only where it can be supported, and publishes no phone number but Help at Hand’s', () => {
    expect(NATIONS.map((n) => NATION_FACTS[n].careLeaversCoveredTo)).toEqual([25, 26, null, null]);
    expect(NATIONS.filter((n) => NATION_FACTS[n].help.phone !== null || NATION_FACTS[n].help.email !== null)).toEqual(['england']);
  });

  it('names every nation’s commissioner with a secure web address, and keeps every code unique', () => {
    for (const nation of NATIONS) {
      const facts = NATION_FACTS[nation];
      expect(facts.nation).toBe(nation);
      expect(new URL(facts.commissioner.website).protocol).toBe('https:');
      expect(new URL(facts.help.website).protocol).toBe('https:');
    }
    const codes = nationalFrameworks().flatMap(({ framework }) => [framework?.code, ...(framework?.principles.map((p) => p.code) ?? [])]);
    const defined = codes.filter((code) => code !== undefined);
    expect(new Set(defined).size).toBe(defined.length);
  });
});
