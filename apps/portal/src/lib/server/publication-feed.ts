import { LIVE_EVENT, PORTAL_KEY_HEADER, PUBLICATION_EVENT, PUBLICATION_STREAM_PATH } from '@pledgekeeper/domain/http-headers';
import type { Logger } from './log';

export interface FeedListener {
  /** Something public may have changed. */
  changed(): void;
  /** The feed opened (true) or closed (false): either way, what was kept may be out of date. */
  setLive(live: boolean): void;
}

export interface FeedOptions {
  apiUrl: string;
  secret: string | null;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How long to wait before opening the feed again (default 500 ms). */
  retryMs?: number;
  /** A feed quiet for longer than this is taken for dead; the API writes a comment every 15 s. */
  quietMs?: number;
}

/**
 * Follows the API's publications: `live` when the stream opens, `changed` at each publication on
 * any instance, and not live from the moment the stream fails until it opens again. Runs until
 * `stop`; never throws.
 */
export function followPublications(listener: FeedListener, options: FeedOptions): { stop(): void } {
  const { apiUrl, secret, log, retryMs = 500, quietMs = 40_000 } = options;
  let stopped = false;
  let controller: AbortController | null = null;
  let wasLive = false;
  let lastProblem = '';

  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (secret) headers[PORTAL_KEY_HEADER] = secret;

  async function follow(): Promise<void> {
    controller = new AbortController();
    let quiet: NodeJS.Timeout | undefined;
    const heard = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => controller?.abort(new Error('the feed of publications went quiet')), quietMs);
    };
    try {
      heard();
      const response = await fetch(`${apiUrl}${PUBLICATION_STREAM_PATH}`, { headers, signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(`the API answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffered = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        heard();
        buffered += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) !== -1) {
          const event = /^event: (.+)$/m.exec(buffered.slice(0, end))?.[1];
          buffered = buffered.slice(end + 2);
          if (event === LIVE_EVENT) {
            listener.setLive(true);
            wasLive = true;
            lastProblem = '';
            log.info({}, 'following publications: public pages are kept until the next one');
          } else if (event === PUBLICATION_EVENT) {
            listener.changed();
          }
        }
      }
      throw new Error('the API ended the feed of publications');
    } catch (error) {
      if (stopped) return;
      const problem = error instanceof Error ? error.message : String(error);
      listener.setLive(false);
      // Once per outage, not once a retry.
      if (wasLive || problem !== lastProblem) {
        log.warn({ problem }, 'not following publications: public pages are rendered afresh until it is back');
      }
      wasLive = false;
      lastProblem = problem;
    } finally {
      clearTimeout(quiet);
    }
  }

  void (async () => {
    while (!stopped) {
      await follow();
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  })();

  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}
