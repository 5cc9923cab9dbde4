// Drives one URL with autocannon and measures it. Latencies are kept to the microsecond here:
// autocannon's own histogram rounds them to whole milliseconds, too coarse for the baseline.
// Every request accepts gzip, as a browser's does.
import autocannon from 'autocannon';
import { measureWithWrk } from './wrk.js';

export const BROWSER_HEADERS = { 'accept-encoding': 'gzip' };

function runAutocannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', onResponse);
  });
}

export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** Fails unless url answers 200 now, so that a broken page is never measured. */
export async function checkAnswers(name, url) {
  const response = await fetch(url, { headers: BROWSER_HEADERS, signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`${name}: GET ${url} answered ${response.status}, not 200:\n${body.slice(0, 1000)}`);
  }
  return body.length;
}

/**
 * Warms the target up (unless `warmup` is 0), then measures it for `duration` seconds, with wrk
 * when the settings name it (see settings.js), else autocannon.
 */
export async function measure(url, { connections, duration, warmup, wrk = null }) {
  const headers = BROWSER_HEADERS;
  if (wrk) return measureWithWrk(wrk, url, { connections, duration, warmup, headers });
  if (warmup > 0) await runAutocannon({ url, connections, duration: warmup, headers });

  const latencies = [];
  let responses = 0;
  let non2xx = 0;
  const result = await runAutocannon({ url, connections, duration, headers }, (client, status, bytes, ms) => {
    responses += 1;
    if (status >= 200 && status < 300) latencies.push(ms);
    else non2xx += 1;
  });
  latencies.sort((a, b) => a - b);

  return {
    requestsPerSecond: responses / result.duration,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    responses,
    non2xx,
    // autocannon counts a timeout as an error too; the table shows them apart.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    seconds: result.duration,
    generator: 'autocannon',
    autocannon: {
      requestsAverage: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      statusCodeStats: result.statusCodeStats,
    },
  };
}
