import { NATIONS, type Nation } from './council.js';
import { PRINCIPLES, PRINCIPLES_SOURCE, SCOTLAND_PRINCIPLES, WALES_PRINCIPLES } from './reference.js';

/**
 * What a council's nation decides: the law on corporate parenting (if any), the framework its
 * promises are measured against, and the national help a young person can turn to. Written in
 * our words from public sources; nothing here is a council's own text. Where we cannot support a
 * fact (how old a care leaver can be and still be covered, in Wales or Northern Ireland) it is
 * left null, and pages say nothing rather than guess.
 */

export interface FrameworkPrinciple {
  /** Stable: codes appear in open data, so they never change once published. */
  code: string;
  shortName: string;
  plainWords: string;
}

export interface NationalFramework {
  /** Stable identifier of the framework in open data. */
  code: string;
  /** What it is called, for headings and comparisons: "the corporate parenting principles". */
  name: string;
  /** Where it comes from, as a citation. */
  source: string;
  /** Set by law (England, Scotland), or signed up to by choice (Wales). */
  statutory: boolean;
  principles: readonly FrameworkPrinciple[];
}

/** A national service that helps young people, named with its web address. */
export interface NationalService {
  name: string;
  /** What it does, in a sentence a young person can read. */
  description: string;
  website: string;
  /** Only where the number is already published in Pledgekeeper and checked. */
  phone: string | null;
  email: string | null;
}

export interface NationFacts {
  nation: Nation;
  /** "England", "Northern Ireland". */
  name: string;
  /** The Act that makes councils corporate parents there; null where there is none. */
  corporateParentingLaw: string | null;
  /** The main law on children's care where it is not the Act above. */
  careLaw: string | null;
  /** A government strategy for children in care, where one is named instead of a statute. */
  strategy: string | null;
  /** The law or charter in a sentence or two, for adults reading about the council. */
  lawInWords: string;
  /** What the principles are compared on; null where the nation has none. */
  framework: NationalFramework | null;
  /** The age up to which care leavers are covered; null where we cannot say. */
  careLeaversCoveredTo: number | null;
  commissioner: { name: string; website: string };
  /** The service a young person in care can go to for advice or someone on their side. */
  help: NationalService;
}

const ENGLAND_FRAMEWORK: NationalFramework = {
  code: 'cswa2017-s1',
  name: 'the corporate parenting principles',
  source: PRINCIPLES_SOURCE,
  statutory: true,
  principles: PRINCIPLES,
};

// "A promise from Wales": its principles are in reference.ts, with the other nations'.
const WALES_FRAMEWORK: NationalFramework = {
  code: 'wales-charter-2023',
  name: 'the principles of “A promise from Wales”',
  source: 'Corporate Parenting Charter, “A promise from Wales” (Welsh Government, 2023)',
  statutory: false,
  principles: WALES_PRINCIPLES,
};

// Section 58 of the 2014 Act: what each corporate parent must do, so far as it fits its other functions.
const SCOTLAND_FRAMEWORK: NationalFramework = {
  code: 'cypsa2014-s58',
  name: 'the corporate parenting duties',
  source: 'Children and Young People (Scotland) Act 2014, section 58',
  statutory: true,
  principles: SCOTLAND_PRINCIPLES,
};

export const NATION_FACTS: Readonly<Record<Nation, NationFacts>> = {
  england: {
    nation: 'england',
    name: 'England',
    corporateParentingLaw: 'Children and Social Work Act 2017',
    careLaw: null,
    strategy: null,
    lawInWords:
      'In England, the Children and Social Work Act 2017 makes councils corporate parents. Section 1 sets out seven corporate parenting principles that councils must have regard to.',
    framework: ENGLAND_FRAMEWORK,
    careLeaversCoveredTo: 25,
    commissioner: { name: "Children's Commissioner for England", website: 'https://www.childrenscommissioner.gov.uk/' },
    help: {
      name: "Help at Hand, from the Children's Commissioner for England",
      description: 'Free advice and help for children in care and care leavers who are not getting what they should.',
      website: 'https://www.childrenscommissioner.gov.uk/help-at-hand/',
      phone: '0800 528 0731',
      email: 'help.team@childrenscommissioner.gov.uk',
    },
  },
  wales: {
    nation: 'wales',
    name: 'Wales',
    corporateParentingLaw: null,
    careLaw: 'Social Services and Well-being (Wales) Act 2014',
    strategy: null,
    lawInWords:
      'In Wales, no law sets out corporate parenting principles. The Welsh Government’s Corporate Parenting Charter, “A promise from Wales” (2023), sets out principles that councils and other organisations can choose to sign up to. The law on care in Wales is the Social Services and Well-being (Wales) Act 2014.',
    framework: WALES_FRAMEWORK,
    careLeaversCoveredTo: null,
    commissioner: { name: "Children's Commissioner for Wales", website: 'https://www.childcomwales.org.uk/' },
    help: {
      name: "The Children's Commissioner for Wales",
      description:
        'Stands up for the rights of children and young people in Wales, and gives free advice if you are not getting the help you should.',
      website: 'https://www.childcomwales.org.uk/',
      phone: null,
      email: null,
    },
  },
  scotland: {
    nation: 'scotland',
    name: 'Scotland',
    corporateParentingLaw: 'Children and Young People (Scotland) Act 2014, Part 9',
    careLaw: null,
    strategy: null,
    lawInWords:
      'In Scotland, Part 9 of the Children and Young People (Scotland) Act 2014 makes councils, health boards and other public bodies corporate parents. Section 58 sets out the duties each of them has, as far as they fit its other work.',
    framework: SCOTLAND_FRAMEWORK,
    careLeaversCoveredTo: 26,
    commissioner: { name: "Children and Young People's Commissioner Scotland", website: 'https://www.cypcs.org.uk/' },
    help: {
      name: "The Children and Young People's Commissioner Scotland",
      description:
        'Stands up for the rights of children and young people in Scotland, and gives free advice if you are not getting the help you should.',
      website: 'https://www.cypcs.org.uk/',
      phone: null,
      email: null,
    },
  },
  'northern-ireland': {
    nation: 'northern-ireland',
    name: 'Northern Ireland',
    corporateParentingLaw: null,
    careLaw: 'Children (Northern Ireland) Order 1995',
    strategy: '“A Life Deserved: Caring for Children and Young People in Northern Ireland” (2021)',
    lawInWords:
      'Northern Ireland has no law on corporate parenting like those of England and Scotland. The law on care is the Children (Northern Ireland) Order 1995, and the strategy for children in care is “A Life Deserved: Caring for Children and Young People in Northern Ireland” (2021). Health and social care trusts act as corporate parents.',
    framework: null,
    careLeaversCoveredTo: null,
    commissioner: { name: 'Northern Ireland Commissioner for Children and Young People', website: 'https://www.niccy.org/' },
    help: {
      name: 'The Northern Ireland Commissioner for Children and Young People (NICCY)',
      description: 'Stands up for the rights of children and young people in Northern Ireland.',
      website: 'https://www.niccy.org/',
      phone: null,
      email: null,
    },
  },
};

export const nationFacts = (nation: Nation): NationFacts => NATION_FACTS[nation];

/** What a council page's principles part shows: a heading, why these apply, and the list. */
export interface FrameworkView {
  heading: string;
  /** Sentences: where the principles come from and whether the council must follow them. */
  intro: string[];
  principles: readonly FrameworkPrinciple[];
  source: string | null;
}

const IN_PLAIN_WORDS = 'They are shown here in plain words, written by Pledgekeeper; they are not the council’s own text.';

export function frameworkFor(nation: Nation): FrameworkView {
  const facts = NATION_FACTS[nation];
  const framework = facts.framework;
  if (nation === 'england') {
    return {
      heading: 'The corporate parenting principles',
      intro: [
        `These principles are set by law, in the ${PRINCIPLES_SOURCE}. Councils in England must have regard to them as corporate parents.`,
        IN_PLAIN_WORDS,
      ],
      principles: framework!.principles,
      source: framework!.source,
    };
  }
  if (nation === 'wales') {
    return {
      heading: 'The principles of “A promise from Wales”',
      intro: [
        'In Wales, these principles come from the Welsh Government’s Corporate Parenting Charter, “A promise from Wales” (2023). Signing up to the charter is a choice: it is not a law.',
        `The law on care in Wales is the ${facts.careLaw}.`,
        'They are shown here in plain words, written by Pledgekeeper; they are not the charter’s or the council’s own text.',
      ],
      principles: framework!.principles,
      source: framework!.source,
    };
  }
  if (nation === 'scotland') {
    return {
      heading: 'The corporate parenting duties in Scotland',
      intro: [
        'These duties are set by law, in section 58 of the Children and Young People (Scotland) Act 2014. Every corporate parent in Scotland must carry them out, as far as they fit its other work.',
        IN_PLAIN_WORDS,
      ],
      principles: framework!.principles,
      source: framework!.source,
    };
  }
  return { heading: 'Corporate parenting in Northern Ireland', intro: [facts.lawInWords], principles: [], source: null };
}

/** Every framework, in the order of NATIONS: the reference list open data carries. */
export const nationalFrameworks = (): { nation: Nation; framework: NationalFramework | null }[] =>
  NATIONS.map((nation) => ({ nation, framework: NATION_FACTS[nation].framework }));
