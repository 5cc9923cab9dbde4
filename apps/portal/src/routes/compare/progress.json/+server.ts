import { compareProgressFilename } from '@pledgekeeper/domain/compare';
import { JSON_MEDIA_TYPE, download } from '$lib/compare/download';
import { loadCompareProgress } from '../delivery.server';
import type { RequestHandler } from './$types';

// Published progress only, every council and promise, in the versioned shape of docs/open-data.md.
export const GET: RequestHandler = async ({ url, locals }) => {
  const progress = await loadCompareProgress(locals.api, url.searchParams);
  return download(`${JSON.stringify(progress, null, 2)}\n`, JSON_MEDIA_TYPE, compareProgressFilename('json'));
};
