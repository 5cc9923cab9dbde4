import { CSV_MEDIA_TYPE, progressCsv, progressFilename } from '@pledgekeeper/domain/progress';
import { download } from '$lib/compare/download';
import { loadPublishedProgress } from '$lib/progress/download.server';
import type { RequestHandler } from './$types';

// Published progress only, one row per update: docs/open-data.md.
export const GET: RequestHandler = async ({ params, locals }) => {
  const { slug, targets, published } = await loadPublishedProgress(locals.api, params.council);
  return download(progressCsv(slug, targets, published.content), CSV_MEDIA_TYPE, progressFilename(slug, 'csv'));
};
