import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { nginxConfigFile, renderNginxConfig, startNginx } from './nginx.js';
import { freePorts } from './ports.js';

const places = {
  portals: ['10.0.0.11:3000', '10.0.0.12:3000'],
  apis: ['10.0.0.21:3001'],
  listen: '443 ssl http2',
  apiListen: '10.0.0.10:3001',
};

describe('the nginx configuration as deployed', () => {
  it('takes every instance and address given, and keeps nothing to fill in', async () => {
    const config = renderNginxConfig(await readFile(nginxConfigFile(), 'utf8'), places);
    expect(config).toMatch(/upstream pledgekeeper_portals \{\s+server 10\.0\.0\.11:3000; server 10\.0\.0\.12:3000;/);
    expect(config).toMatch(/upstream pledgekeeper_apis \{\s+server 10\.0\.0\.21:3001;/);
    expect(config).toContain('listen 443 ssl http2;');
    expect(config).toContain('listen 10.0.0.10:3001;');
    expect(config).not.toMatch(/__[A-Z_]+__/);
  });

  it('refuses a placeholder it does not know, and a side with no instance', () => {
    expect(() => renderNginxConfig('listen __PORT__;', places)).toThrow(/__PORT__/);
    expect(() => renderNginxConfig('', { ...places, apis: [] })).toThrow(/at least one/);
  });

  it('runs as a child of ours, in a folder of its own that it leaves nothing in', async () => {
    // Nothing listens behind it: it still answers, for the instances it could not reach.
    const [portal, api] = await freePorts(2);
    const nginx = await startNginx({ portals: [`127.0.0.1:${portal}`], apis: [`127.0.0.1:${api}`] });
    try {
      expect((await fetch(`${nginx.apiBase}/health`)).status).toBe(502);
      expect(await nginx.accessLog()).toMatch(new RegExp(`GET /health 502 127\\.0\\.0\\.1:${api}`));
      expect(existsSync(`${nginx.folder}/nginx.pid`)).toBe(true);
    } finally {
      expect(await nginx.stop()).toBe(0);
    }
    expect(existsSync(nginx.folder)).toBe(false);
  });
});
