import { MESSAGE_TOPICS, type MessageTopic } from '@pledgekeeper/domain/feedback';
import { type FormErrors, formErrors } from './form-errors';

/** "Tell us what you think": what was entered, and messages to show against each field. */
export type MessageField = 'topic' | 'message';

export interface MessageValues {
  topic: MessageTopic | null;
  message: string;
}

export type MessageErrors = FormErrors<MessageField>;

export const MESSAGE_FIELD_IDS: Record<MessageField, string> = {
  topic: `message-topic-${MESSAGE_TOPICS[0].code}`,
  message: 'message-text',
};

const isTopic = (value: unknown): value is MessageTopic => MESSAGE_TOPICS.some((topic) => topic.code === value);

export function readMessageForm(data: FormData): MessageValues {
  const topic = data.get('topic');
  const message = data.get('message');
  return { topic: isTopic(topic) ? topic : null, message: typeof message === 'string' ? message : '' };
}

export const { errorsFromIssues, errorsFromFlattened, errorSummary } = formErrors(MESSAGE_FIELD_IDS);
