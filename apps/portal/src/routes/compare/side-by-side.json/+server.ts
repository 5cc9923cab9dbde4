import { JSON_MEDIA_TYPE, download, sideBySideFilename } from '$lib/compare/download';
import { loadSideBySide } from '$lib/compare/load.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { slugs, view } = await loadSideBySide(locals.api, url.searchParams);
  return download(`${JSON.stringify(view, null, 2)}\n`, JSON_MEDIA_TYPE, sideBySideFilename(slugs, 'json'));
};
