import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * Lit styles are CSS inside template literals, which the JavaScript minifier keeps as written:
 * comments, indentation and all (about 1.4 kB gzipped of the page's 40 kB budget). The build
 * strips them from the `css` templates of `*.styles.ts`, which hold plain CSS (no `${}`).
 */
function minifyLitStyles(): Plugin {
  const minify = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-lit-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return { code: code.replace(/css`([^`$]*)`/g, (_, css: string) => `css\`${minify(css)}\``), map: null };
    },
  };
}

/**
 * Cross-origin isolation, which SharedArrayBuffer and so the fast path's training threads need. The
 * service worker (src/sw.ts) adds the same headers on static hosts that cannot be configured.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The built page states the policy itself too, for a static host's first visit (before the service worker). */
function contentSecurityMeta(): Plugin {
  return {
    name: 'content-security-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(true) },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative base: the built app works from any folder of any static host.
  base: './',
  // The dev server injects its own client and styles, so only what is served built is held to the policy.
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': contentSecurityPolicy() } },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  plugins: [
    minifyLitStyles(),
    contentSecurityMeta(),
    VitePWA({
      registerType: 'prompt',
      // Our own service worker, for the isolation headers Workbox's generated one cannot add.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Shape CNN',
        short_name: 'Shape CNN',
        description:
          'Train a small CNN on your own device to tell hand-drawn circles, rectangles and triangles apart, offline.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#3b5bdb',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell, the worker chunk (TensorFlow.js), the wasm kernels and the bundled dataset:
        // everything the app needs to start, train and predict with the network cut.
        globPatterns: ['**/*.{html,js,css,svg,png,json,wasm,webmanifest}'],
        // The worker chunk holds TensorFlow.js and is larger than Workbox's 2 MiB default, which
        // would silently leave it out of the precache.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // HDF5 for Keras files (4.8 MB) is cached on first use instead (src/sw.ts): most people never need it.
        globIgnores: ['**/node_modules/**/*', '**/hdf5_hl-*.js'],
      },
    }),
  ],
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          // One Chromium at a time: software WebGPU/WebGL saturate this machine's two cores.
          fileParallelism: false,
          // All browser files in one Node worker, one after another: a fresh worker per file cost
          // about 2 s each (startup, Playwright and helper imports). Each file still launches its own
          // Chromium profile, and the helpers hold no state between files.
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
