import { type Contact, type CouncilPage, type NationalService, nationFacts } from '@pledgekeeper/domain/council';

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
  /** The national service of the council's own nation: Help at Hand in England, the commissioner elsewhere. */
  national: NationalService;
}

export function helpRoutes(page: Pick<CouncilPage, 'contacts' | 'pledge' | 'council'>): HelpRoutes {
  const theme = page.pledge?.themes.find((candidate) => /complain/i.test(candidate.title)) ?? null;
  return {
    national: nationFacts(page.council.nation).help,
    advocacy: page.contacts.filter((contact) => contact.purposes.includes('advocacy')),
    complaints: page.contacts.filter((contact) => contact.purposes.includes('complaints')),
    general: page.contacts.filter((contact) => contact.purposes.length === 0),
    complaintsTheme: theme ? { key: theme.key, title: theme.title } : null,
  };
}
