import { describe, expect, it } from 'vitest';
import { ByteLru } from './byte-lru.js';

describe('ByteLru', () => {
  it('holds no more bytes than it may, forgetting the least recently used first', () => {
    const cache = new ByteLru<string>(100);
    cache.set('/', 'home', 40);
    cache.set('/somerset', 'somerset', 40);
    expect(cache.get('/')).toBe('home'); // now "/somerset" is the least recently used
    cache.set('/compare', 'compare', 40);
    expect(cache.get('/somerset')).toBeUndefined();
    expect(cache.get('/')).toBe('home');
    expect(cache.get('/compare')).toBe('compare');
    expect(cache.size()).toEqual({ entries: 2, bytes: 80, maxBytes: 100 });
  });

  it('replaces a key without counting it twice, and never keeps what could not fit at all', () => {
    const cache = new ByteLru<string>(100);
    cache.set('/', 'old', 60);
    cache.set('/', 'new', 70);
    expect(cache.size().bytes).toBe(70);
    expect(cache.get('/')).toBe('new');
    cache.set('/huge', 'huge', 101);
    expect(cache.get('/huge')).toBeUndefined();
    expect(cache.get('/')).toBe('new');
  });

  it('keeps nothing when its size is 0', () => {
    const cache = new ByteLru<string>(0);
    cache.set('/', 'home', 1);
    expect(cache.size()).toEqual({ entries: 0, bytes: 0, maxBytes: 0 });
  });
});
