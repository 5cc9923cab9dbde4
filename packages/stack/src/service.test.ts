import { describe, expect, it } from 'vitest';
import { logLines } from './log-lines.js';
import { freePorts } from './ports.js';
import { startService, waitUntilReady } from './service.js';

describe('the processes a test or the benchmark starts', () => {
  it('are given ports that differ and that nothing holds', async () => {
    const ports = await freePorts(3);
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });

  it('keep what a service printed and stop it gently, giving its exit code', async () => {
    const script = `console.log(JSON.stringify({ level: 30, msg: 'up' })); console.error('not json');
      process.on('SIGTERM', () => { console.log(JSON.stringify({ level: 30, msg: 'bye' })); process.exit(0); });
      setInterval(() => {}, 1000);`;
    const service = startService({ name: 'a script', args: ['-e', script], env: { PATH: process.env.PATH ?? '' } });
    await expect.poll(() => service.output()).toMatch(/not json/);
    expect(service.alive()).toBe(true);
    expect(await service.stop()).toBe(0);
    expect(service.alive()).toBe(false);
    expect(logLines(service.output()).map((line) => line.msg)).toEqual(['up', 'bye']);
  });

  it('say what a service printed when it dies before it is ready', async () => {
    const service = startService({ name: 'a failing script', args: ['-e', "console.error('no database'); process.exit(3)"], env: {} });
    await expect(waitUntilReady(service, 'http://127.0.0.1:9/', 10_000)).rejects.toThrow(/a failing script exited \(3\).*\n.*no database/);
  });
});
