import type { Council } from '@pledgekeeper/domain/council';

/** What the header shows for a council: its chosen name and colour, or its name and ours. */
export interface Brand {
  slug: string;
  name: string;
  /** "#rrggbb", already checked for contrast when it was set; null for the platform's own. */
  colour: string | null;
}

export const brandOf = (council: Pick<Council, 'slug' | 'name' | 'brandColour' | 'brandName'>): Brand => ({
  slug: council.slug,
  name: council.brandName ?? council.name,
  colour: council.brandColour,
});

/**
 * The stylesheet that gives the header the council's colour. The colour is in the address, so
 * the file never changes and can be cached for good; the page's CSP allows no inline styles.
 */
export const brandStylesheet = (colour: string): string => `/brand.css?colour=${colour.slice(1)}`;
