import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './tools/vite-bundle-budget.js';
import { offlineBasemap } from './tools/vite-offline-basemap.js';
import { precompress } from './tools/vite-precompress.js';

const client = (path: string) => fileURLToPath(new URL(`./client/${path}`, import.meta.url));

// The client: the app shell (index.html) and the listing pages' stylesheet, into dist/client with hashed
// names and a manifest the server reads (src/client-build/client-build.ts).
export default defineConfig({
  root: client(''),
  base: '/',
  plugins: [
    react(),
    offlineBasemap(),
    bundleBudget({ limitKb: 300, exclude: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }),
    precompress(),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { app: client('index.html'), listing: client('styles/listing-page.css') },
    },
  },
});
