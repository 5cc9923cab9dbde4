import { z } from 'zod';
import { brandColour } from './colour.js';
import { logoRef } from './logo.js';
import { nation } from './nation.js';
import { emailAddress, httpUrl, phoneNumber, plainText } from './text.js';

/**
 * Words a council slug may not take, because the portal or the API uses them as routes,
 * or may do so (workspace, comparison, open data, static files).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'about',
  'accessibility',
  'account',
  'admin',
  'api',
  'app',
  'assets',
  'auth',
  'compare',
  'contact',
  'cookies',
  'data',
  'docs',
  'download',
  'downloads',
  'favicon',
  'health',
  'help',
  'invite',
  'invitations',
  'login',
  'logout',
  'manage',
  'new',
  'privacy',
  'robots',
  'search',
  'settings',
  'sign-in',
  'sign-out',
  'sitemap',
  'static',
  'trpc',
  'workspace',
]);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const councilSlug = z
  .string({ error: 'A council slug must be text' })
  .trim()
  .min(2, 'A council slug must be at least 2 characters')
  .max(63, 'A council slug must be at most 63 characters')
  .regex(SLUG_PATTERN, 'A council slug may use only lower-case letters, digits and single hyphens between them')
  .refine((slug) => !RESERVED_SLUGS.has(slug), {
    error: (issue) => `"${String(issue.input)}" is reserved for the platform and cannot be a council slug`,
  });

export const COUNCIL_KINDS = [
  'county',
  'unitary',
  'district',
  'metropolitan-borough',
  'london-borough',
  'combined-authority',
  'other-public-body',
] as const;
export const councilKind = z.enum(COUNCIL_KINDS);
export type CouncilKind = z.infer<typeof councilKind>;

export { NATIONS, nation, type Nation } from './nation.js';

/**
 * What a contact is for, beyond general enquiries: the council page gives young people a clear
 * route to someone on their side (an advocate) and to making a complaint.
 */
export const CONTACT_PURPOSES = ['advocacy', 'complaints'] as const;
export const contactPurpose = z.enum(CONTACT_PURPOSES);
export type ContactPurpose = z.infer<typeof contactPurpose>;

/** A team people can write to, email or call. Every part is optional but one must be given. */
export const contact = z
  .object({
    team: plainText(200),
    addressLines: z.array(plainText(120)).max(8).default([]),
    postcode: plainText(10).nullable().default(null),
    email: emailAddress.nullable().default(null),
    phone: phoneNumber.nullable().default(null),
    website: httpUrl.nullable().default(null),
    purposes: z.array(contactPurpose).max(CONTACT_PURPOSES.length).default([]),
  })
  .refine(
    (value) => value.addressLines.length > 0 || value.email || value.phone || value.website,
    'A contact needs at least one way to reach it: an address, an email, a phone number or a website',
  );
export type Contact = z.infer<typeof contact>;

/** The tenant. Not always a council: the 2026 Act made other public bodies corporate parents too. */
export const council = z.object({
  slug: councilSlug,
  name: plainText(200),
  kind: councilKind,
  nation,
  /** How the platform reaches the council itself; the page's public contacts are separate. */
  contact: contact.nullable().default(null),
  /** The colour of the portal's header, behind white text; null for the platform's own. */
  brandColour: brandColour.nullable().default(null),
  /** The name the portal shows in its header, where the council prefers a shorter one. */
  brandName: plainText(80).nullable().default(null),
  /** The logo in the portal's header, with the words that stand for it; null for none. */
  brandLogo: logoRef.nullable().default(null),
});
export type Council = z.infer<typeof council>;

/**
 * How a council's portal looks: a section of its page like any other, so a change is drafted,
 * reviewed and published. The council's own row keeps a copy of the published edition's, written
 * when it is published, for the headers of pages that read no edition.
 */
export const branding = z.object({
  brandColour: brandColour.nullable().default(null),
  brandName: plainText(80).nullable().default(null),
  brandLogo: logoRef.nullable().default(null),
});
export type Branding = z.infer<typeof branding>;
export const noBranding = (): Branding => ({ brandColour: null, brandName: null, brandLogo: null });

/** A council's branding as the council's own fields state it. */
export const brandingOf = (council: Pick<Council, 'brandColour' | 'brandName' | 'brandLogo'>): Branding => ({
  brandColour: council.brandColour,
  brandName: council.brandName,
  brandLogo: council.brandLogo,
});
