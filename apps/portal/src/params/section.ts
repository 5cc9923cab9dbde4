import type { ParamMatcher } from '@sveltejs/kit';
import { isSectionName } from '$lib/section-forms/section-form';

export const match: ParamMatcher = (param) => isSectionName(param);
