import { withPledgeDefaults } from '@pledgekeeper/domain/council';
import { type EditionContent } from '@pledgekeeper/domain/workspace';
import { fromJson } from '../json.js';

/**
 * An edition's content from its JSON column. Editions saved before a field existed lack it, so
 * the pledge is given today's defaults (no plain words, no theme principles, nothing turned down).
 */
export function contentFromJson(text: string): EditionContent {
  const content = fromJson<EditionContent>(text);
  return content.pledge ? { ...content, pledge: withPledgeDefaults(content.pledge) } : content;
}
