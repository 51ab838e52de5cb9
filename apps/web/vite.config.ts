import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs separately (port 8080); in production it serves dist/ itself.
const api = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': api, '/metrics': api },
  },
});
