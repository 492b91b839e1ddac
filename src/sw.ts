/// <reference lib="webworker" />
// The app's service worker (built by vite-plugin-pwa's injectManifest): Workbox precaching, so the
// app starts and trains offline, and cross-origin isolation on what it serves, so that on any
// static host a page it controls may share memory with the training threads (coi-serviceworker's
// technique: COOP/COEP added to each response; a page not yet controlled runs on one thread).
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { ExpirationPlugin } from 'workbox-expiration';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

import { contentSecurityPolicy } from './shared/content-security';

declare let self: ServiceWorkerGlobalScope;

const ISOLATION: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // The page's and its workers' policy, on hosts that send none (src/shared/content-security.ts).
  'Content-Security-Policy': contentSecurityPolicy(),
};

/** The same response with the isolation headers (an opaque one cannot be rewritten, nor needs to be). */
function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolating = { handlerWillRespond: async ({ response }: { response: Response }) => isolated(response) };

addPlugins([isolating]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any navigation inside the app gets the shell, as a single-page app, also offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// HDF5 for Keras files (4.8 MB) stays out of the precache (vite.config.ts) and is kept at its first
// use: this version's and the one before, as an older one is never asked for again.
registerRoute(
  /\/hdf5_hl-[\w-]+\.js$/,
  new CacheFirst({ cacheName: 'shape-cnn-hdf5', plugins: [new ExpirationPlugin({ maxEntries: 2 }), isolating] }),
);

// registerType 'prompt': a new version waits until the page asks it to take over (src/ui/pwa.ts).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
