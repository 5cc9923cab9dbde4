import { JSON_MEDIA_TYPE, download } from '$lib/compare/download';
import { loadMatrix } from '$lib/compare/load.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { matrix } = await loadMatrix(locals.api, url.searchParams);
  return download(`${JSON.stringify(matrix, null, 2)}\n`, JSON_MEDIA_TYPE, 'pledgekeeper-principles-matrix.json');
};
