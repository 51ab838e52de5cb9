/**
 * Registers the service worker that vite-plugin-pwa generates (dist/sw.js), in production builds
 * only (the dev server and hot reload never meet a cached app shell), and only once an officer
 * opens the outreach screens: the other screens keep working exactly as without it. The worker
 * takes over at once (skipWaiting + clientsClaim), so a plain registration is all it needs.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
