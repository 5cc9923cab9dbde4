import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  css: {
    preprocessorOptions: {
      // GOV.UK Frontend's Sass is reached as "govuk/...", from its package's dist folder.
      scss: { loadPaths: [fileURLToPath(new URL('./node_modules/govuk-frontend/dist', import.meta.url))], quietDeps: true },
    },
  },
});
