import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// In development the API runs separately (port 8080); in production it serves dist/ itself.
const api = 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // The staff app is installable and its outreach screens open with no connection (mobile
    // sessions in villages without coverage). The service worker is generated only for the
    // production build and registered from main.tsx there; the dev server has none.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Motcua — cán bộ trung tâm',
        short_name: 'Motcua',
        description: 'Tiếp nhận hồ sơ tại quầy và lưu động, cả khi không có mạng.',
        lang: 'vi',
        start_url: '/staff/outreach',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b3d91',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell only: scripts, styles, index.html and icons (queue voice clips stay online).
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Only the outreach screens fall back to the cached shell; every other address, and every
        // API call, goes to the network as before.
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/staff\/outreach(\/|$)/],
        // Reference data deliberately kept for offline intake: the province and commune lists of
        // the address field, fresh from the network whenever there is one.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /^\/api\/v1\/provinces(\/\d+\/communes)?$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'motcua-reference', networkTimeoutSeconds: 5, expiration: { maxEntries: 40 } },
          },
        ],
        cleanupOutdatedCaches: true,
        // A new build takes over at once: no officer keeps an old shell for a whole session.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': api, '/metrics': api },
  },
});
