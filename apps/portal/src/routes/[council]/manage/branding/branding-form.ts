import type { Branding } from '@pledgekeeper/domain/council';
import type { FormErrors } from '$lib/form-errors';

/** The branding form as typed: words, and the logo the draft points at (kept in hidden fields). */
export interface BrandingValues {
  colour: string;
  name: string;
  alt: string;
  logoId: string;
  logoType: string;
  removeLogo: boolean;
}

export type BrandingField = 'brandColour' | 'brandName' | 'logo' | 'logoAlt';
export type BrandingErrors = FormErrors<BrandingField>;

/** Each field's id on the page, for the error summary's links. */
export const BRANDING_FIELD_IDS: Record<BrandingField, string> = {
  brandColour: 'brand-colour',
  brandName: 'brand-name',
  logo: 'logo',
  logoAlt: 'logo-alt',
};

export const valuesOf = (branding: Branding | null | undefined): BrandingValues => ({
  colour: branding?.brandColour ?? '',
  name: branding?.brandName ?? '',
  alt: branding?.brandLogo?.alt ?? '',
  logoId: branding?.brandLogo?.id ?? '',
  logoType: branding?.brandLogo?.type ?? '',
  removeLogo: false,
});

/** What the form says, as the draft's branding: an empty box is "not chosen", so the default shows. */
export const brandingOfValues = (values: BrandingValues): unknown => ({
  brandColour: values.colour || null,
  brandName: values.name || null,
  brandLogo: values.logoId && !values.removeLogo ? { id: values.logoId, type: values.logoType, alt: values.alt } : null,
});

/** The field a schema complaint belongs next to. */
export function placeIssue(path: readonly PropertyKey[]): BrandingField | 'form' {
  const [first, second] = path;
  if (first === 'brandColour' || first === 'brandName') return first;
  if (first === 'brandLogo') return second === 'alt' ? 'logoAlt' : 'logo';
  return 'form';
}
