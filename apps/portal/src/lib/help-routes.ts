import type { Contact, CouncilPage } from '@pledgekeeper/domain/council';

/**
 * Where a young person goes for someone on their side, and to complain. The council's own
 * contacts come first; where it has marked none, the page still gives a route: its general
 * contacts, its own theme on complaints if it has one, and the national advocacy service.
 */
export interface HelpRoutes {
  advocacy: Contact[];
  complaints: Contact[];
  /** The council's contacts not marked for either, for when it has marked none. */
  general: Contact[];
  /** A theme of the pledge about complaints, such as Somerset's, to link to. */
  complaintsTheme: { key: string; title: string } | null;
}

export function helpRoutes(page: Pick<CouncilPage, 'contacts' | 'pledge'>): HelpRoutes {
  const theme = page.pledge?.themes.find((candidate) => /complain/i.test(candidate.title)) ?? null;
  return {
    advocacy: page.contacts.filter((contact) => contact.purposes.includes('advocacy')),
    complaints: page.contacts.filter((contact) => contact.purposes.includes('complaints')),
    general: page.contacts.filter((contact) => contact.purposes.length === 0),
    complaintsTheme: theme ? { key: theme.key, title: theme.title } : null,
  };
}

/** Help at Hand, the Children's Commissioner's advice and advocacy service for children in care and care leavers. */
export const NATIONAL_ADVOCACY = {
  name: "Help at Hand, from the Children's Commissioner for England",
  phone: '0800 528 0731',
  email: 'help.team@childrenscommissioner.gov.uk',
} as const;
