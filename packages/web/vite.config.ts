import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './build/precompress.ts';

/**
 * Installable, with a shell that opens offline (issue 19): Workbox precaches the built shell (HTML,
 * the scripts and styles of the shell and the offline pages, icons) and nothing else. No answer from /api is ever cached by the service worker:
 * they hold the most sensitive data a school keeps. Navigations fall back to the cached index.html.
 * A concern written offline is kept by the page itself (src/offline/), not by the service worker.
 */
/**
 * The pages a person may need with no connection: where they land, the log-a-concern form, and the
 * sign-in page (where signing out leads, and which says when a concern is waiting for its writer).
 */
const OFFLINE_PAGES = [
  'src/home/HomeRedirect.tsx',
  'src/home/SchoolHomePage.tsx',
  'src/concerns/LogConcernPage.tsx',
  'src/auth/SignInPage.tsx',
];

interface ViteManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The shell's files, from this build's dist/.vite/manifest.json: the entry and what it imports, the
 * lazily loaded checks it needs (not its other pages), and the offline pages with all they load.
 * Every other page is fetched (and kept by the browser's HTTP cache) the first time it is opened.
 */
function shellFiles(): Set<string> {
  const manifestFile = fileURLToPath(new URL('./dist/.vite/manifest.json', import.meta.url));
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ViteManifestChunk>;
  const seen = new Set<string>();
  const todo = ['index.html', ...OFFLINE_PAGES];
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) continue;
    todo.push(...(chunk.imports ?? []));
    for (const lazy of chunk.dynamicImports ?? []) {
      if (key !== 'index.html' || !/Page(\.tsx$|-)|routes\.tsx$/.test(lazy)) todo.push(lazy);
    }
  }
  const files = new Set<string>();
  for (const key of seen) {
    const chunk = manifest[key];
    if (chunk === undefined) continue;
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  }
  for (const page of OFFLINE_PAGES) {
    if (manifest[page] === undefined) throw new Error(`vite.config.ts: ${page} is not in the build manifest`);
  }
  return files;
}

const pwa = VitePWA({
  strategies: 'generateSW',
  filename: 'sw.js',
  // src/offline/registerServiceWorker.ts registers it (a script file: the CSP allows nothing inline).
  injectRegister: false,
  registerType: 'autoUpdate',
  manifest: {
    name: 'Tandem',
    short_name: 'Tandem',
    description: 'Supporting the mental health and wellbeing of pupils',
    lang: 'en-GB',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#00474f',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // The app's own files only: .vite/ (the build manifest) and the .br/.gz copies are left out.
    // (The plugin adds the web app manifest and its icons itself.)
    globPatterns: ['**/*.{js,css,html,svg,woff2}'],
    globIgnores: ['.vite/**', '**/*.br', '**/*.gz'],
    // Of the hashed files, only the shell's (see shellFiles).
    manifestTransforms: [
      (entries) => {
        const shell = shellFiles();
        return { manifest: entries.filter((e) => !e.url.startsWith('assets/') || shell.has(e.url)), warnings: [] };
      },
    ],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/],
    // Nothing fetched at run time is cached: no runtime caching at all.
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    // The Workbox runtime is bundled into sw.js: nothing is fetched from a CDN.
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  },
  // Write sw.js before precompress writes the .br and .gz copies, so it has them too.
  integration: { closeBundleOrder: 'pre' },
});

export default defineConfig({
  plugins: [react(), pwa, precompress()],
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
