/**
 * The app's Content-Security-Policy: only its own files, WebAssembly compiled but never JavaScript
 * from strings ('wasm-unsafe-eval', not 'unsafe-eval'), no inline scripts, no other origin. Inline
 * styles stay allowed: Lit sets the few dynamic ones (class colours, atlas tiles) as attributes.
 * Sent by `vite preview` and `vite`, added by the service worker to what it serves, and written
 * into the built index.html for a static host's first visit (without frame-ancestors, which a
 * <meta> cannot carry).
 */
export const CONTENT_SECURITY_POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'media-src': "'self' blob:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** The policy as a header value; `forMeta` leaves out what a <meta> element may not say. */
export const contentSecurityPolicy = (forMeta = false): string =>
  Object.entries(CONTENT_SECURITY_POLICY)
    .filter(([name]) => !(forMeta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
