import { error } from '@sveltejs/kit';
import { MAX_SIDE_BY_SIDE } from '@pledgekeeper/domain/compare';
import { type Api, apiErrorCode, apiMessage, apiUnavailable } from '$lib/server/api';
import { onlyApiFailures } from '$lib/server/failures';
import { chosenCouncils, matrixFormFrom, matrixQueryOf } from './query';

// The pages and the downloads read the same way, so a download holds exactly what the page showed.
const UNAVAILABLE = 'Comparisons are not available right now. Please try again in a few minutes.';

export async function loadMatrix(api: Api, params: URLSearchParams) {
  const form = matrixFormFrom(params);
  try {
    return { form, matrix: await api.compare.matrix.query(matrixQueryOf(form)) };
  } catch (cause) {
    onlyApiFailures(cause);
    error(apiUnavailable(cause) ? 503 : 502, UNAVAILABLE);
  }
}

export async function loadSideBySide(api: Api, params: URLSearchParams) {
  const slugs = chosenCouncils(params);
  if (slugs.length < 2) error(400, 'Choose two or more councils to compare: go back to the list of councils and tick at least two.');
  if (slugs.length > MAX_SIDE_BY_SIDE) error(400, `Choose at most ${MAX_SIDE_BY_SIDE} councils to compare at once.`);
  try {
    return { slugs, view: await api.compare.sideBySide.query({ councils: slugs }) };
  } catch (cause) {
    onlyApiFailures(cause);
    const code = apiErrorCode(cause);
    if (code === 'NOT_FOUND') error(404, apiMessage(cause) ?? 'We could not find one of those councils.');
    if (code === 'BAD_REQUEST') error(400, apiMessage(cause) ?? 'One of those councils is not a council address.');
    error(apiUnavailable(cause) ? 503 : 502, UNAVAILABLE);
  }
}
