import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { precompress } from './build/precompress.ts';

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // drizzle-zod (in @tandem/core) would otherwise ship all of zod: see the module's comment.
    alias: [
      { find: /^zod\/v4$/, replacement: fileURLToPath(new URL('./src/zod-for-drizzle-zod.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows only same-origin scripts and styles, so nothing may be inlined.
    assetsInlineLimit: 0,
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each page needs (the bench's page weight reads it).
    manifest: true,
    // Every browser Tandem supports preloads modules itself; the polyfill would weigh on every page.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What every page needs (React, the router, the session, the form parts and core's
              // plain values) as one file rather than a dozen small ones: fewer requests on a
              // school's network, and one compressed file is smaller than its parts.
              name: 'app',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|web[\\/]src[\\/](api[\\/](client|useResource)|router[\\/]|auth[\\/]session|components[\\/](Form|Page|DateInput|formErrors|dates|format|useAction)\.|pupils[\\/]pupilsApi|concerns[\\/]concernsApi)|core[\\/]src[\\/]((auth|concerns|pupils)[\\/]\w+\.values\.ts|auth[\\/]roles\.ts|errors[\\/])/,
            },
            {
              // What the concern pages share, starting with the log-a-concern form.
              name: 'concern-parts',
              test: /web[\\/]src[\\/]concerns[\\/](ConcernBits|logConcernValues|sentResults|PupilPicker)\.|core[\\/]src[\\/]concerns[\\/](warning-signs|routing)\.ts/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
