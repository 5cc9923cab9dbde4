import { CSV_MEDIA_TYPE, compareProgressCsv, compareProgressFilename } from '@pledgekeeper/domain/compare';
import { download } from '$lib/compare/download';
import { loadCompareProgress } from '../delivery.server';
import type { RequestHandler } from './$types';

// Published progress only, a row per council and promise: docs/open-data.md.
export const GET: RequestHandler = async ({ url, locals }) => {
  const progress = await loadCompareProgress(locals.api, url.searchParams);
  return download(compareProgressCsv(progress, url.origin), CSV_MEDIA_TYPE, compareProgressFilename('csv'));
};
