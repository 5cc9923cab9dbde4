import type { EnglandPrincipleCode, InvolvementOpportunity, LocalOfferAreaCode, Nation, PrincipleCode } from '@pledgekeeper/domain/council';
import type { DeliveryStatus } from '@pledgekeeper/domain/progress';

// The words of the sample councils: typical of published pledges, written for these samples.
// Each sample promise is written for one of England's principles, its topic.
export type Code = EnglandPrincipleCode;

export const PLACE_STARTS = [
  'Ash',
  'Bram',
  'Car',
  'Dun',
  'El',
  'Fen',
  'Gar',
  'Hal',
  'Ink',
  'Kel',
  'Lang',
  'Mar',
  'Nor',
  'Oak',
  'Pen',
  'Quen',
  'Ros',
  'Sel',
  'Thorn',
  'Ul',
  'Ver',
  'Wyn',
  'Yar',
  'Zel',
] as const;
export const PLACE_ENDS = [
  'bury',
  'combe',
  'dale',
  'field',
  'ford',
  'ham',
  'holme',
  'ley',
  'mere',
  'moor',
  'stead',
  'ton',
  'well',
  'wick',
] as const;

/** Promises after "We will", five for each principle. */
export const PROMISES: Record<Code, readonly string[]> = {
  'cswa2017-1a': [
    'make sure you can see a doctor, dentist and optician when you need to',
    'help you get support for your mental health without a long wait',
    'give you your health history in writing when you leave care',
    'make sure you can take part in sport and leisure for free',
    'make sure your carers know about your health needs',
  ],
  'cswa2017-1b': [
    'give you a say in your care plan at every review',
    'help you join our Children in Care Council',
    'offer you an independent advocate whenever you want one',
    'ask what you think of your care every year',
    'let you choose how you take part in meetings about you',
  ],
  'cswa2017-1c': [
    'tell you what changed because of what you told us',
    'take your views to every meeting of the Corporate Parenting Board',
    'explain in writing when we cannot do what you asked',
    'involve young people in choosing our staff',
    'use your complaints and compliments to change our services',
  ],
  'cswa2017-1d': [
    'give you free travel to school, college and work',
    'give you free membership of our leisure centres',
    'help you register with a doctor when you move',
    'make it easy to get help from our housing and benefits teams',
    'give you a named contact in every council service',
  ],
  'cswa2017-1e': [
    'help you go on to college, university or an apprenticeship',
    'celebrate your achievements with you every year',
    'pay for extra tuition when you need it',
    'offer you work experience with the council',
    'give you a bursary if you go to university',
  ],
  'cswa2017-1f': [
    'keep you living with your brothers and sisters wherever it is safe',
    'keep changes of social worker to a minimum',
    'help you stay at the same school when you move home',
    'make sure you know who to call if you feel unsafe',
    'help you keep in touch with the people who matter to you',
  ],
  'cswa2017-1g': [
    'help you learn to cook, budget and look after a home',
    'help you find a safe home when you leave care',
    'let you stay with your foster carers after 18 if you both want to',
    'give you a personal adviser up to the age of 25',
    'pay your council tax until you are 25',
  ],
};

export const THEMES: readonly { key: string; title: string; principles: Code[] }[] = [
  { key: 'my-voice', title: 'My voice', principles: ['cswa2017-1b', 'cswa2017-1c'] },
  { key: 'my-health', title: 'My health and wellbeing', principles: ['cswa2017-1a'] },
  { key: 'my-education', title: 'My education and my future', principles: ['cswa2017-1e'] },
  { key: 'where-i-live', title: 'Where I live', principles: ['cswa2017-1f'] },
  { key: 'getting-help', title: 'Getting the help I need', principles: ['cswa2017-1d'] },
  { key: 'growing-up', title: 'Growing up and leaving care', principles: ['cswa2017-1g'] },
  { key: 'people-who-matter', title: 'People who matter to me', principles: ['cswa2017-1f', 'cswa2017-1a'] },
];

export const TRAINING = [
  'Corporate parenting for elected members',
  'Corporate parenting for officers',
  'Understanding the care system',
  'Hearing the voice of the child',
  'Supporting care leavers into work',
] as const;

export const INVOLVEMENT: readonly [InvolvementOpportunity['kinds'], string][] = [
  [['advocacy-or-visiting'], 'Become an independent visitor for a child in care.'],
  [['work-experience'], 'Offer work experience or an apprenticeship in your team.'],
  [['contribute-to-pledge'], 'Tell us how your service helps us keep the pledge.'],
  [['prioritise-in-services'], 'Make children in care and care leavers a priority in your service.'],
  [['fundraising'], 'Raise money for activities for children in care.'],
  [['other'], 'Come to our yearly celebration of young people in care.'],
];

/** The principle a promise most often serves as well, and the local offer areas it touches. */
export const RELATED: Record<Code, { principle: Code; areas: LocalOfferAreaCode[] }> = {
  'cswa2017-1a': { principle: 'cswa2017-1f', areas: ['offer-health'] },
  'cswa2017-1b': { principle: 'cswa2017-1c', areas: ['offer-participation'] },
  'cswa2017-1c': { principle: 'cswa2017-1b', areas: ['offer-participation'] },
  'cswa2017-1d': { principle: 'cswa2017-1a', areas: ['offer-health', 'offer-accommodation'] },
  'cswa2017-1e': { principle: 'cswa2017-1g', areas: ['offer-education', 'offer-employment'] },
  'cswa2017-1f': { principle: 'cswa2017-1a', areas: ['offer-relationships'] },
  'cswa2017-1g': { principle: 'cswa2017-1e', areas: ['offer-accommodation', 'offer-finance'] },
};

/**
 * Where a sample council of another nation files a sample promise written for an English topic:
 * under its own nation's principle on the same subject. This chooses sample data only; it is not
 * a mapping between the frameworks, and nothing published says it is.
 */
export const SAMPLE_TOPIC_IN: Readonly<Record<Exclude<Nation, 'england'>, Partial<Record<Code, PrincipleCode>>>> = {
  wales: {
    'cswa2017-1a': 'wales-charter-health',
    'cswa2017-1b': 'wales-charter-working-together',
    'cswa2017-1c': 'wales-charter-equality',
    'cswa2017-1d': 'wales-charter-inclusive-support',
    'cswa2017-1e': 'wales-charter-education',
    'cswa2017-1f': 'wales-charter-home',
    'cswa2017-1g': 'wales-charter-after-care',
  },
  scotland: {
    'cswa2017-1a': 'cypsa2014-58a',
    'cswa2017-1b': 'cypsa2014-58c',
    'cswa2017-1c': 'cypsa2014-58f',
    'cswa2017-1d': 'cypsa2014-58e',
    'cswa2017-1e': 'cypsa2014-58d',
    'cswa2017-1f': 'cypsa2014-58b',
    'cswa2017-1g': 'cypsa2014-58d',
  },
  // Northern Ireland has no principles: its sample promises are linked to none.
  'northern-ireland': {},
};

/** A sample promise's or theme's principles, as a council of `nation` would link them. */
export function sampleLinks(codes: readonly Code[], nation: Nation): PrincipleCode[] {
  if (nation === 'england') return [...codes];
  const own = codes.map((code) => SAMPLE_TOPIC_IN[nation][code]).filter((code): code is PrincipleCode => code !== undefined);
  return [...new Set(own)];
}

// The sample councils' progress: every text starts "Sample:", so nobody takes it for a council's words.
export const SAMPLE_MARK = 'Sample:';

/** What an update says for each status: the council's words, then plain words. */
export const UPDATE_WORDS: Record<DeliveryStatus, readonly [text: string, plain: string][]> = {
  'not-started': [
    ['Work has not begun: it waits for the new service plan.', 'We have not started this yet.'],
    ['Planning starts next quarter, once the team is in post.', 'We will start this soon.'],
  ],
  'on-track': [
    ['Work is going to plan and the first results are in.', 'This is going well.'],
    ['The board heard that most of the milestones are met.', 'We are doing what we said.'],
    ['Young people tested the new approach and liked it.', 'You told us this is working.'],
  ],
  behind: [
    ['Recruitment took longer than planned, so work is late.', 'We are slower than we wanted.'],
    ['Fewer young people than hoped have been reached so far.', 'We need to do more on this.'],
  ],
  done: [
    ['The promise is met and the change is now part of the service.', 'We have done this.'],
    ['Every young person eligible now gets this.', 'This is now in place for you.'],
  ],
  'no-longer-planned': [['A national scheme now does this instead.', 'Someone else does this for you now.']],
};

export const NO_LONGER_PLANNED_REASONS = [
  'A national scheme now covers it.',
  'Young people asked us to spend the money on something else.',
] as const;

export const MEASURES = [
  'Young people tell us in our yearly survey that it happens.',
  'The figures the board reads each quarter show it.',
  'Every young person who asks gets it within a month.',
] as const;

export const ACTIONS: readonly [what: string, responsible: string][] = [
  ['Write to every young person about what is changing', 'Head of Children in Care'],
  ['Train staff in the new way of working', 'Principal Social Worker'],
  ['Check with young people that it works for them', 'Participation Lead'],
  ['Agree the money for it in the budget', 'Director of Children’s Services'],
  ['Report the figures to the board', 'Head of Leaving Care'],
  ['Work with health partners on it', 'Designated Nurse for Looked After Children'],
];

export const DECISIONS = [
  'The board asked for a plan to catch up on the promises that are behind.',
  'The board agreed the actions set out in the report.',
  'The board asked young people to review the next update.',
] as const;

export const YOU_SAID: readonly [youSaid: string, weDid: string][] = [
  ['You said letters from us were hard to read.', 'We rewrote them with young people and use plain words now.'],
  ['You said you did not know who your personal adviser was.', 'Every care leaver now gets a card with their adviser’s name and number.'],
  ['You said reviews felt like meetings about you, not with you.', 'You now choose where your review happens and who comes.'],
  ['You said it was hard to get to activities after school.', 'We now pay for travel to clubs and activities.'],
  ['You said you wanted more say in who works with you.', 'Young people now sit on the panels that choose our staff.'],
];
