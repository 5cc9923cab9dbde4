import { CSV_MEDIA_TYPE, sideBySideCsv } from '@pledgekeeper/domain/compare';
import { download, sideBySideFilename } from '$lib/compare/download';
import { loadSideBySide } from '$lib/compare/load.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { slugs, view } = await loadSideBySide(locals.api, url.searchParams);
  return download(sideBySideCsv(view, url.origin), CSV_MEDIA_TYPE, sideBySideFilename(slugs, 'csv'));
};
