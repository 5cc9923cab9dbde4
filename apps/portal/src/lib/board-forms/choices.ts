import { allActions, type ProgressContent } from '@pledgekeeper/domain/progress';
import type { ProgressTarget } from '$lib/progress/view';

/** What the board and "you said, we did" forms offer to tick: the published pledge's promises, and the actions in the records. */

export interface Choice {
  value: string;
  label: string;
}

/** "Pledge 3: We will …", or a theme's title. */
export const targetChoices = (targets: readonly ProgressTarget[]): Choice[] =>
  targets.map((target) => ({
    value: target.target,
    label: target.kind === 'promise' && target.words ? `${target.label}: ${target.words}` : target.label,
  }));

/** Each action with the promise it serves: "Open a youth club (Pledge 3)". */
export function actionChoices(
  content: Pick<ProgressContent, 'promises'>,
  targets: readonly ProgressTarget[],
): (Choice & { status: string })[] {
  const labels = new Map(targets.map((target) => [target.target, target.label]));
  return allActions(content).map((action) => ({
    value: action.key,
    label: `${action.what} (${labels.get(action.target) ?? action.target})`,
    status: action.status,
  }));
}

/** The labels of some chosen values, in the order offered; a value no longer offered is shown as it is. */
export const labelsOf = (values: readonly string[], choices: readonly Choice[]): string[] =>
  values.map((value) => choices.find((choice) => choice.value === value)?.label ?? value);
