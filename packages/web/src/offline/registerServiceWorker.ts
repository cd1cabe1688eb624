/**
 * Registers the service worker that vite-plugin-pwa builds (dist/sw.js), so that the app's shell
 * opens without a connection. It caches the app's own files only, never an /api answer. Only in a
 * build: the development server has no sw.js.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  // After the page has loaded, so that precaching does not compete with the first page's own files.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
