import { MESSAGE_TOPICS, type MessageTopic } from '@pledgekeeper/domain/feedback';
import { deliveryTarget } from '@pledgekeeper/domain/progress';
import { type FormErrors, formErrors } from './form-errors';

/** "Tell us what you think": what was entered, and messages to show against each field. */
export type MessageField = 'topic' | 'about' | 'message';

export interface MessageValues {
  topic: MessageTopic | null;
  /** The promise or theme it is about ("promise-3"), where the reader chose one. */
  about: string | null;
  message: string;
}

export type MessageErrors = FormErrors<MessageField>;

export const MESSAGE_FIELD_IDS: Record<MessageField, string> = {
  topic: `message-topic-${MESSAGE_TOPICS[0].code}`,
  about: 'message-about',
  message: 'message-text',
};

const isTopic = (value: unknown): value is MessageTopic => MESSAGE_TOPICS.some((topic) => topic.code === value);

export function readMessageForm(data: FormData): MessageValues {
  const topic = data.get('topic');
  const about = data.get('about');
  const message = data.get('message');
  return {
    topic: isTopic(topic) ? topic : null,
    // Kept as sent, so the API can say plainly why one that is not the council's was refused.
    about: typeof about === 'string' && about.trim() !== '' ? about.trim() : null,
    message: typeof message === 'string' ? message : '',
  };
}

/**
 * What "Tell us if we're not keeping this" (`?about=promise-3`) asks the form to start with: that
 * promise, under "The promises", when it is one the page shows; otherwise nothing chosen.
 */
export function startingValues(about: string | null, offered: readonly { target: string }[]): MessageValues {
  const known = deliveryTarget.safeParse(about).success && offered.some((entry) => entry.target === about);
  return known ? { topic: 'promises', about, message: '' } : { topic: null, about: null, message: '' };
}

export const { errorsFromIssues, errorsFromFlattened, errorSummary } = formErrors(MESSAGE_FIELD_IDS);
