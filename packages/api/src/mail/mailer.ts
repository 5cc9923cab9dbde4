import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { MailSettings } from './settings.js';

/** One plain-text email to one person. */
export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Where the mailer reports: the server's logger fits. */
export interface MailLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Mailer {
  /** The portal's public address, for links. */
  origin: string;
  /** Runs a piece of mail work in the background: never throws, logs its failure. */
  dispatch(work: () => Promise<void>): void;
  /** Sends one email now; rejects when it could not. */
  send(email: Email): Promise<void>;
  /** Resolves once every piece of work dispatched so far has finished: for tests and shutdown. */
  settled(): Promise<void>;
  log: MailLog;
}

// Short waits, so a mail server that hangs cannot pile up work behind it.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** SMTP options from smtp://user:password@host:port (smtps:// for TLS from the start). */
const smtpOptions = (smtpUrl: string) => {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    ...TIMEOUTS,
  };
};

const emlName = (now: Date) => `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;

/**
 * Sends by SMTP when SMTP_URL is set. Otherwise each email goes to the log as one line (to whom,
 * and the subject: never the body, which may hold an invitation link) and to the outbox folder
 * as an .eml file that any mail program opens.
 */
export function createMailer(settings: MailSettings, log: MailLog): Mailer {
  const pending = new Set<Promise<void>>();
  const smtp = settings.smtpUrl ? createTransport(smtpOptions(settings.smtpUrl)) : null;
  const files = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  const send = async (email: Email): Promise<void> => {
    const message = { from: settings.from, to: email.to, subject: email.subject, text: email.text };
    if (smtp) {
      await smtp.sendMail(message);
      return;
    }
    const built = await files.sendMail(message);
    await mkdir(settings.outbox, { recursive: true });
    const file = join(settings.outbox, emlName(new Date()));
    await writeFile(file, built.message as Buffer);
    log.info({ to: email.to, subject: email.subject, file }, 'email written to the outbox');
  };

  return {
    origin: settings.origin,
    log,
    send,
    dispatch(work) {
      const running: Promise<void> = Promise.resolve()
        .then(work)
        .catch((error: unknown) => log.error({ err: error }, 'an email could not be sent'))
        .finally(() => pending.delete(running));
      pending.add(running);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
