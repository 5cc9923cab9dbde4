import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    adapter: adapter(),
    // Forms from other sites are still refused, by hooks.server.ts, which answers with the
    // portal's own page where SvelteKit's check would answer in plain text.
    csrf: { trustedOrigins: ['*'] },
    // Assets by absolute path: that refusal page is served at whatever address the form was sent
    // to, where a path relative to its own would miss the stylesheet.
    paths: { relative: false },
    // Hashes or nonces are added for anything SvelteKit inlines; pages ship no inline script.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // Exactly one inline style: that of SvelteKit's announcer of page titles, which the
        // workspace's script draws (public pages ship none). A test fails if it ever changes.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'data:'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
