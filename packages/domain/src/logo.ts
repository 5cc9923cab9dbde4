import { z } from 'zod';
import { CONTROL_CHARACTERS } from './text.js';

/** The kinds of file a council's logo may be. */
export const LOGO_TYPES = ['image/svg+xml', 'image/png'] as const;
export const logoType = z.enum(LOGO_TYPES, { error: 'The logo must be an SVG or PNG image' });
export type LogoType = z.infer<typeof logoType>;

/** A logo's file name in its address: the SHA-256 of its bytes, then the kind of file. */
export const LOGO_EXTENSIONS: Record<LogoType, string> = { 'image/svg+xml': 'svg', 'image/png': 'png' };

export const logoId = z.string({ error: 'The logo is missing' }).regex(/^[0-9a-f]{64}$/, 'That is not one of this council’s logos');

/**
 * A logo chosen for a council's header: which stored file, and the words a screen reader says
 * in its place. They are required: a logo that is only a picture says nothing to someone who cannot see it.
 */
export const logoRef = z.object({
  id: logoId,
  type: logoType,
  alt: z
    .string({ error: 'Describe the logo in a few words, such as the council’s name' })
    .trim()
    .min(1, 'Describe the logo in a few words, such as the council’s name')
    .max(150, 'The description of the logo must be at most 150 characters')
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'The description of the logo must not contain control characters'),
});
export type LogoRef = z.infer<typeof logoRef>;

/** The address a logo is served at, for the public pages or, with `preview`, for the council's own people. */
export const logoPath = (council: string, logo: Pick<LogoRef, 'id' | 'type'>, preview = false): string =>
  `/${council}/${preview ? 'manage/' : ''}logo/${logo.id}.${LOGO_EXTENSIONS[logo.type]}`;

/** The largest logo a council may upload: a header logo needs far less, and public pages stay light. */
export const LOGO_MAX_BYTES = 100 * 1024;

/** A file's size as people read it: "820 bytes", "96 KB", "2.4 MB". */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file is too large to be a logo, or null when it is not. */
export const logoTooLarge = (bytes: number): string | null =>
  bytes > LOGO_MAX_BYTES ? `The logo must be at most ${describeSize(LOGO_MAX_BYTES)}; this file is ${describeSize(bytes)}` : null;
