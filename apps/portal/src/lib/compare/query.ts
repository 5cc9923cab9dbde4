import { councilKind, nation } from '@pledgekeeper/domain/council';
import { type MatrixQuery, type MatrixSort, matrixSort } from '@pledgekeeper/domain/compare';

/** What the filter form sends: the API's query, with "reverse" in place of an explicit order. */
export interface MatrixForm {
  nation: MatrixQuery['nation'];
  kind: MatrixQuery['kind'];
  sort: MatrixSort;
  reverse: boolean;
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const valid = <T>(schema: Schema<T>, value: string | null): T | undefined => {
  const parsed = schema.safeParse(value ?? undefined);
  return parsed.success ? parsed.data : undefined;
};

/** Reads the filter form from a query string. Anything unknown is ignored, never an error page. */
export function matrixFormFrom(params: URLSearchParams): MatrixForm {
  return {
    nation: valid(nation, params.get('nation')),
    kind: valid(councilKind, params.get('kind')),
    sort: valid(matrixSort, params.get('sort')) ?? 'name',
    reverse: params.get('reverse') === 'yes',
  };
}

/** Names go A to Z and figures largest first; "reverse" turns either round. */
export function matrixQueryOf(form: MatrixForm): MatrixQuery {
  const usual = form.sort === 'name' ? 'asc' : 'desc';
  const order = form.reverse ? (usual === 'asc' ? 'desc' : 'asc') : usual;
  return { nation: form.nation, kind: form.kind, sort: form.sort, order };
}

/** The same view as a query string, for the download links: only what differs from the default. */
export function matrixSearch(form: MatrixForm): string {
  const params = new URLSearchParams();
  if (form.nation) params.set('nation', form.nation);
  if (form.kind) params.set('kind', form.kind);
  if (form.sort !== 'name') params.set('sort', form.sort);
  if (form.reverse) params.set('reverse', 'yes');
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The councils chosen for a side-by-side view, each once, in the order given. */
export const chosenCouncils = (params: URLSearchParams): string[] => [
  ...new Set(
    params
      .getAll('council')
      .map((slug) => slug.trim())
      .filter(Boolean),
  ),
];

export const sideBySideSearch = (slugs: readonly string[]): string =>
  `?${slugs.map((slug) => `council=${encodeURIComponent(slug)}`).join('&')}`;
