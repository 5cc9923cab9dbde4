import { progressFilename, progressJson } from '@pledgekeeper/domain/progress';
import { JSON_MEDIA_TYPE, download } from '$lib/compare/download';
import { loadPublishedProgress } from '$lib/progress/download.server';
import type { RequestHandler } from './$types';

// Published progress only, in the versioned shape of docs/open-data.md.
export const GET: RequestHandler = async ({ params, locals }) => {
  const { slug, targets, published } = await loadPublishedProgress(locals.api, params.council);
  const body = progressJson(slug, targets, published.content, published.publishedAt);
  return download(`${JSON.stringify(body, null, 2)}\n`, JSON_MEDIA_TYPE, progressFilename(slug, 'json'));
};
