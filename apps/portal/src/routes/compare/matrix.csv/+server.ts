import { CSV_MEDIA_TYPE, matrixCsv } from '@pledgekeeper/domain/compare';
import { download } from '$lib/compare/download';
import { loadMatrix } from '$lib/compare/load.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { matrix } = await loadMatrix(locals.api, url.searchParams);
  return download(matrixCsv(matrix, url.origin), CSV_MEDIA_TYPE, 'pledgekeeper-principles-matrix.csv');
};
