import { describe, expect, it } from 'vitest';
import { parseWrk, wrkDurationMs } from './wrk.js';

const REPORT = `Running 5s test @ http://127.0.0.1:3800/worcestershire
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   350.12us  120.00us   5.10ms   90.00%
    Req/Sec    28.10k     1.20k   30.00k    80.00%
  Latency Distribution
     50%  320.00us
     75%  400.00us
     90%  510.00us
     99%    1.04ms
  140000 requests in 5.00s, 600.00MB read
  Socket errors: connect 0, read 2, write 1, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  28000.00
Transfer/sec:    120.00MB
`;

describe('reading wrk', () => {
  it('takes throughput, the median and 99th percentile, failures and timeouts from its report', () => {
    expect(parseWrk(REPORT)).toEqual({
      responses: 140000,
      seconds: 5,
      requestsPerSecond: 28000,
      p50Ms: 0.32,
      p99Ms: 1.04,
      non2xx: 7,
      errors: 3,
      timeouts: 3,
    });
  });

  it('reads every unit it writes, and refuses what it cannot read', () => {
    expect(wrkDurationMs('176.00us')).toBeCloseTo(0.176);
    expect(wrkDurationMs('2.00s')).toBe(2000);
    expect(() => wrkDurationMs('fast')).toThrow(/cannot read/);
  });

  it('says so when its report lacks the figures', () => {
    expect(() => parseWrk('wrk: command not found')).toThrow(/lacks/);
  });
});
