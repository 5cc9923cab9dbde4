/** A file for the reader to save: the browser downloads it rather than showing it. */
export function download(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      // Filenames are made here from slugs (a-z, 0-9, hyphens), so they need no escaping.
      'content-disposition': `attachment; filename="${filename}"`,
      // Figures change whenever a council publishes: always ask again.
      'cache-control': 'no-cache',
    },
  });
}

export const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';

export const sideBySideFilename = (slugs: readonly string[], extension: 'csv' | 'json'): string =>
  `pledgekeeper-side-by-side-${slugs.join('-')}.${extension}`.slice(0, 200);
