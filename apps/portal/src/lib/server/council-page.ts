import { error } from '@sveltejs/kit';
import { brandOf } from '$lib/brand';
import { type Api, apiUnavailable, pageFailure } from './api';
import { ByteLru } from '@pledgekeeper/domain/byte-lru';
import { onlyApiFailures } from './failures';

type CouncilPage = Awaited<ReturnType<Api['council']['page']['query']>>;

// The last published page of each council read, a few kilobytes each: enough for every council.
const lastRead = new ByteLru<CouncilPage>(4 * 1024 * 1024);

/** How full it is, for the health report. */
export const councilPagesKeptSize = () => lastRead.size();

/**
 * A council's published page and its brand, for its public routes; a 404 or apology otherwise.
 * After a form was sent (`afterForm`), a page the API cannot give now is shown as last read, so
 * the form comes back with what the reader typed and says it could not be sent.
 */
export async function loadCouncilPage(api: Api, council: string, afterForm = false) {
  try {
    const page = await api.council.page.query({ council });
    lastRead.set(council, page, JSON.stringify(page).length);
    return { page, brand: brandOf(page.council) };
  } catch (cause) {
    onlyApiFailures(cause);
    const remembered = afterForm && apiUnavailable(cause) ? lastRead.get(council) : undefined;
    if (remembered) return { page: remembered, brand: brandOf(remembered.council) };
    const failure = pageFailure(cause);
    error(failure.status, failure.message);
  }
}
