import { CSV_MEDIA_TYPE, matrixCsv } from '@pledgekeeper/domain/compare';
import { download } from '$lib/compare/download';
import { loadMatrix } from '$lib/compare/load.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { matrix } = await loadMatrix(locals.api, url.searchParams);
  // Headings people can read by default; `?header=codes` gives the column codes, for programs.
  const header = url.searchParams.get('header') === 'codes' ? 'codes' : 'words';
  return download(matrixCsv(matrix, url.origin, header), CSV_MEDIA_TYPE, 'pledgekeeper-principles-matrix.csv');
};
