import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './cross-site';

const url = new URL('http://localhost:3000/somerset?/feedback');
const post = (origin: string | null, type = 'application/x-www-form-urlencoded', method = 'POST') =>
  new Request(url, {
    method,
    headers: { 'content-type': type, ...(origin === null ? {} : { origin }) },
    body: method === 'GET' ? null : 'helpful=yes',
  });

describe('forms from another site', () => {
  it('refuses a form sent from another origin, or from none, as SvelteKit does', () => {
    expect(isCrossSiteForm(post('https://evil.example'), url, [])).toBe(true);
    expect(isCrossSiteForm(post(null), url, [])).toBe(true);
    expect(isCrossSiteForm(post('null'), url, [])).toBe(true);
    expect(isCrossSiteForm(post('https://evil.example', 'multipart/form-data; boundary=x'), url, [])).toBe(true);
    expect(isCrossSiteForm(post('https://evil.example', 'TEXT/PLAIN;charset=utf-8', 'DELETE'), url, [])).toBe(true);
  });

  it('accepts its own pages, and the other addresses of the same portal it is told to trust', () => {
    expect(isCrossSiteForm(post('http://localhost:3000'), url, [])).toBe(false);
    expect(isCrossSiteForm(post('http://127.0.0.1:3000'), url, ['http://127.0.0.1:3000'])).toBe(false);
    expect(isCrossSiteForm(post('http://127.0.0.1:3000'), url, [])).toBe(true);
  });

  it('leaves alone what is not a form that changes things: reading, and JSON', () => {
    expect(isCrossSiteForm(new Request(url, { headers: { origin: 'https://evil.example' } }), url, [])).toBe(false);
    expect(isCrossSiteForm(post('https://evil.example', 'application/json'), url, [])).toBe(false);
  });
});
