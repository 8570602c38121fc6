// The Content Security Policy. Pages get a fresh nonce per request from the proxy: only scripts
// carrying it (Next's bootstrap and our preferences boot script) run, so an injected <script> or
// inline handler never does. API responses and static files carry the policy without a nonce (no
// script runs there). Styles keep 'unsafe-inline': React Flow positions nodes with style attributes,
// which nonces cannot cover; styles cannot run code.
export function buildCsp(nonce: string | null, dev = process.env.NODE_ENV === "development"): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    // React needs eval in development only (its dev tools); production never gets it.
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 16 random bytes, base64: unguessable and new for every page request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
