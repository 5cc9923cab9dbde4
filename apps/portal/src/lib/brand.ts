import { type Council, logoPath } from '@pledgekeeper/domain/council';

/** What the header shows for a council: its chosen name, colour and logo, or its name and ours. */
export interface Brand {
  slug: string;
  name: string;
  /** "#rrggbb", already checked for contrast when it was set; null for the platform's own. */
  colour: string | null;
  /** The logo's address and the words that stand for it; null for none. */
  logo: { src: string; alt: string } | null;
}

/**
 * A council's brand as its header shows it. `preview` takes the logo from the workspace's own
 * address, which serves a draft's logo to the council's people only.
 */
export const brandOf = (council: Pick<Council, 'slug' | 'name' | 'brandColour' | 'brandName' | 'brandLogo'>, preview = false): Brand => ({
  slug: council.slug,
  name: council.brandName ?? council.name,
  colour: council.brandColour,
  logo: council.brandLogo ? { src: logoPath(council.slug, council.brandLogo, preview), alt: council.brandLogo.alt } : null,
});

/**
 * The stylesheet that gives the header the council's colour. The colour is in the address, so
 * the file never changes and can be cached for good; the page's CSP allows no inline styles.
 */
export const brandStylesheet = (colour: string): string => `/brand.css?colour=${colour.slice(1)}`;
