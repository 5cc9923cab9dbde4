import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the test mail server received it, decoded enough to read. */
export interface Delivered {
  /** The envelope's recipients: who it was really delivered to. */
  to: string[];
  subject: string;
  /** The plain-text body, with quoted-printable undone. */
  text: string;
  raw: string;
}

const unfold = (headers: string) => headers.replace(/\r?\n[ \t]+/g, ' ');

const header = (headers: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfold(headers))?.[1]?.trim() ?? '';

// Quoted-printable: soft line breaks, then =XX bytes read as UTF-8.
const fromQuotedPrintable = (body: string) => {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}$/i.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
};

const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_all, how: string, text: string) =>
    how.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : fromQuotedPrintable(text.replace(/_/g, ' ')),
  );

export function readEmail(raw: string, to: string[]): Delivered {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = header(headers, 'Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? fromQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { to, subject: decodeWords(header(headers, 'Subject')), text: text.replace(/\r\n/g, '\n'), raw };
}

/** A real SMTP server on a free local port that keeps what it receives, for the tests. */
export async function startTestMailServer() {
  const received: Delivered[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(readEmail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Forgets what was received so far. */
    clear: () => void received.splice(0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Who each test email went to, as "to: subject" lines in a stable order. */
export const deliveries = (received: readonly Delivered[]) => received.map((e) => `${e.to.join(',')}: ${e.subject}`).sort();

const LINK = /https?:\/\/[^\s]+/g;

/**
 * The links in an email that are not one of the portal's plain pages: the only one any email may
 * carry is an invitation's, and only an invitation email.
 */
export const tokenLinks = (email: Delivered, origin: string, councils: readonly string[]) =>
  (email.text.match(LINK) ?? []).filter((link) => {
    const path = link.startsWith(origin) ? link.slice(origin.length) : link;
    const plain = councils.flatMap((c) => [`/${c}`, `/${c}/progress`, `/${c}/manage`, `/${c}/manage/progress`, `/${c}/manage/feedback`]);
    return ![...plain, '/account/email'].includes(path);
  });
