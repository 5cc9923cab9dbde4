import { annualReport, reportYears } from '@pledgekeeper/domain/progress';
import { loadReportSources, yearOr404 } from '$lib/report/sources.server';
import type { PageServerLoad } from './$types';

// Made from published progress only, against the published pledge: the public never sees a draft.
export const load: PageServerLoad = async ({ params, locals }) => {
  const now = new Date();
  const year = yearOr404(params.year, now);
  const { page, brand, targets, published } = await loadReportSources(locals.api, params.council);
  return {
    brand,
    report: annualReport(page.council, targets, published.content, year, now),
    otherYears: reportYears(published.content, now).filter((other) => other !== year),
  };
};
