import { PassThrough } from 'node:stream';
import { LIVE_EVENT, PUBLICATION_EVENT } from '@pledgekeeper/domain/http-headers';

/** More followers than this is not a portal fleet but someone holding connections open. */
export const MAX_FOLLOWERS = 64;
/** A comment line this often keeps proxies from closing a quiet stream, and shows a dead one. */
const HEARTBEAT_MS = 15_000;

/** What a following stream is answered with, beside the events. */
export const STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // nginx would otherwise hold the events back in its buffer.
  'x-accel-buffering': 'no',
  // A stream ends when this instance stops hearing publications, or stops: its connection goes
  // with it, not back to a pool where the server would wait on it.
  connection: 'close',
} as const;

/**
 * The portals following this API's publications, as server-sent events. A stream is open only
 * while this instance hears every change: when it stops hearing them (its database is away) it
 * ends every stream, so no portal goes on trusting what it keeps; the portals come back once it
 * hears again, and start afresh.
 */
export function createPublicationStream() {
  const followers = new Set<PassThrough>();
  const heartbeat = setInterval(() => {
    for (const follower of followers) follower.write(':\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const endAll = () => {
    for (const follower of followers) follower.end();
    followers.clear();
  };

  return {
    /** A new stream, opening with the `live` event; `gone` is called when its reader leaves. */
    follow(): { body: PassThrough; gone: () => void } {
      const body = new PassThrough();
      body.write(`event: ${LIVE_EVENT}\ndata: {}\n\n`);
      followers.add(body);
      return {
        body,
        gone: () => {
          followers.delete(body);
          body.destroy();
        },
      };
    },
    full: () => followers.size >= MAX_FOLLOWERS,
    /** Something public may have changed. */
    changed(): void {
      for (const follower of followers) follower.write(`event: ${PUBLICATION_EVENT}\ndata: {}\n\n`);
    },
    /** Ends every stream: the followers should no longer trust what they keep. */
    endAll,
    /** At shutdown: every stream ends, so the server is not kept waiting on them. */
    close(): void {
      clearInterval(heartbeat);
      endAll();
    },
    count: () => followers.size,
  };
}
