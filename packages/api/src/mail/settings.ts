import { resolve } from 'node:path';
import { z } from 'zod';

/** How the API sends email, read once from its environment. */
export interface MailSettings {
  /** SMTP_URL, such as smtp://user:pass@host:587; null: emails go to the log and the outbox folder. */
  smtpUrl: string | null;
  /** MAIL_FROM: who the emails say they are from. */
  from: string;
  /** MAIL_OUTBOX: where each email is written as an .eml file when there is no SMTP_URL. */
  outbox: string;
  /** ORIGIN: the portal's public address, which every link in an email starts with. */
  origin: string;
}

const emptyIsUnset = (value: unknown) => (value === '' ? undefined : value);

const schema = z.object({
  SMTP_URL: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol) && new URL(value).hostname !== '', {
        message: 'must be an smtp:// or smtps:// address with a host, like smtp://user:password@mail.example.org:587',
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyIsUnset, z.string().trim().min(3).max(300).default('Pledgekeeper <pledgekeeper@localhost>')),
  MAIL_OUTBOX: z.preprocess(emptyIsUnset, z.string().optional()),
  ORIGIN: z.preprocess(
    emptyIsUnset,
    z
      .string()
      .refine(
        (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value.replace(/\/$/, ''),
        {
          message: "must be the portal's public address, like https://pledgekeeper.example.org (no path)",
        },
      )
      .default('http://localhost:3000'),
  ),
});

/**
 * The mail part of the server's environment. Relative folders are resolved from the working
 * folder, as the server's database file is: `./data/outbox` beside `./data/pledgekeeper.sqlite`.
 * Throws one readable message naming each bad variable.
 */
export function readMailSettings(source: NodeJS.ProcessEnv): MailSettings {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n  '));
  }
  const env = parsed.data;
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM,
    outbox: resolve(env.MAIL_OUTBOX ?? resolve('data', 'outbox')),
    origin: env.ORIGIN.replace(/\/$/, ''),
  };
}
