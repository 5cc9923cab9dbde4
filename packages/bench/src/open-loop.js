// A fixed rate of readers, whatever the servers do: each request leaves when it is due, not when
// the one before it has been answered, and its latency runs from when it was due, so a server that
// falls behind shows it in the tail. (autocannon's overallRate sends each connection's share of a
// second back to back and then waits for the next second: bursts, not a steady rate.)
// Each request has a deadline from when it was due, and sending stops at the end of the run, so an
// overloaded server makes timeouts rather than a run three times as long.
import { Agent, get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { BROWSER_HEADERS, percentile } from './load.js';

/** One GET to the last byte, given up at `deadline` (a performance.now() time); never rejects. */
function timedGet(url, agent, due, deadline) {
  return new Promise((resolve) => {
    const sent = performance.now();
    // From when it was due, or from when it left if the timer let it leave a little early.
    const since = Math.max(sent, due);
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: performance.now() - since, lagMs: sent - due });
    };
    const request = get(url, { agent, headers: BROWSER_HEADERS }, (response) => {
      response.on('error', () => finish({ error: true }));
      response.on('end', () => finish({ status: response.statusCode }));
      response.resume();
    });
    request.on('error', () => finish({ error: true }));
    const timer = setTimeout(() => {
      finish({ timeout: true });
      request.destroy();
    }, deadline - sent);
  });
}

const summarise = (sorted) => ({ p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? NaN });
const isOk = (answer) => answer.status >= 200 && answer.status < 300;

/**
 * `rate` requests a second for `seconds`, taking turns over `urls`. Latencies are of 2xx answers;
 * non-2xx answers, failed connections (errors) and requests unanswered `deadlineMs` after they
 * were due (timeouts) are counted apart. A request the load generator could not send before its
 * deadline is a timeout too; one still unsent when the time is up is counted as unsent.
 */
export async function openLoop(urls, { rate, seconds, deadlineMs = 2_000 }) {
  // Enough sockets that a slow answer never holds the next request back, as with many readers.
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const total = Math.max(1, Math.round(rate * seconds));
  const answers = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  try {
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / rate;
      const early = due - performance.now();
      if (early >= 1) await sleep(Math.floor(early));
      const now = performance.now();
      if (now >= end) break;
      const url = urls[i % urls.length];
      const deadline = due + deadlineMs;
      const answer = now >= deadline ? Promise.resolve({ timeout: true, lagMs: now - due }) : timedGet(url, agent, due, deadline);
      answers.push(answer.then((outcome) => ({ ...outcome, url })));
    }
    const settled = await Promise.all(answers);
    const elapsed = (performance.now() - started) / 1000;
    const ok = settled.filter(isOk);
    const sorted = (list) => list.map((answer) => answer.ms).sort((a, b) => a - b);
    const byUrl = urls.map((url) => ({
      path: new URL(url).pathname,
      ...summarise(sorted(ok.filter((answer) => answer.url === url))),
    }));
    const answered = settled.filter((answer) => answer.status !== undefined);
    return {
      rate,
      seconds,
      deadlineMs,
      requests: total,
      unsent: total - settled.length,
      requestsPerSecond: answered.length / elapsed,
      ...summarise(sorted(ok)),
      non2xx: answered.filter((answer) => !isOk(answer)).length,
      errors: settled.filter((answer) => answer.error).length,
      timeouts: settled.filter((answer) => answer.timeout).length,
      // How late the load generator itself sent its requests: already inside every latency above.
      sendLagP99Ms: percentile(
        settled.map((answer) => Math.max(0, answer.lagMs)).sort((a, b) => a - b),
        0.99,
      ),
      elapsedSeconds: elapsed,
      byPage: byUrl,
    };
  } finally {
    agent.destroy();
  }
}
