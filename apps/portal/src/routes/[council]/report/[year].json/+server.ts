import { annualReport, annualReportFilename } from '@pledgekeeper/domain/progress';
import { JSON_MEDIA_TYPE, download } from '$lib/compare/download';
import { loadReportSources, yearOr404 } from '$lib/report/sources.server';
import type { RequestHandler } from './$types';

// The annual report as data: the same object the page shows, in a versioned shape.
export const GET: RequestHandler = async ({ params, locals }) => {
  const now = new Date();
  const year = yearOr404(params.year, now);
  const { page, targets, published } = await loadReportSources(locals.api, params.council);
  const body = annualReport(page.council, targets, published.content, year, now);
  return download(`${JSON.stringify(body, null, 2)}\n`, JSON_MEDIA_TYPE, annualReportFilename(page.council.slug, year));
};
