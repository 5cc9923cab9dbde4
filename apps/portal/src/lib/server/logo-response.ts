import { error } from '@sveltejs/kit';
import { LOGO_EXTENSIONS, type LogoType } from '@pledgekeeper/domain/council';

const FILE = /^([0-9a-f]{64})\.(svg|png)$/;

/** The id in a logo's file name ("<sha-256>.svg"), or a 404 for any other name. */
export function logoIdOf(file: string): { id: string; extension: string } {
  const match = FILE.exec(file);
  if (!match) error(404, 'We could not find this logo.');
  return { id: match[1]!, extension: match[2]! };
}

/**
 * A logo's bytes, served so that they can only ever be a picture: the stated type and no
 * sniffing, a policy that forbids script, links and every fetch, and a sandbox, even if someone
 * opens the address itself rather than seeing it in a page. The bytes were rebuilt from what is
 * safe when they were uploaded; this is the second wall.
 */
export function logoResponse(logo: { type: LogoType; data: string }, extension: string, cacheControl: string): Response {
  if (LOGO_EXTENSIONS[logo.type] !== extension) error(404, 'We could not find this logo.');
  const bytes = Buffer.from(logo.data, 'base64');
  return new Response(bytes, {
    headers: {
      'Content-Type': logo.type,
      'Content-Length': String(bytes.byteLength),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'Content-Disposition': `inline; filename="logo.${extension}"`,
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': cacheControl,
    },
  });
}
