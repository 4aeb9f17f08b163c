import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API a developer's `vite` dev server forwards to; the production console is served by the
// server itself, so same-origin paths work unchanged in both.
const apiTarget = process.env.MUSTER_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // The shared contracts from their sources: the console needs no build of the package first,
  // and the dev server reloads when a contract changes.
  resolve: {
    alias: { '@muster/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
      // The public pages are rendered by the server, so the console can link to them in development too.
      '/public': apiTarget,
      '/live': { target: apiTarget, ws: true },
      // Socket.IO carries the `/live` namespace over its own transport path, so the upgrade
      // requests arrive here rather than under /live.
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the console: separate chunks stay cached across
        // releases, and no single file is large.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'leaflet', test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/ },
            // The drawing tool is a classic plugin that runs against the global `L` as soon as it is
            // evaluated: it must stay in a chunk of its own, loaded only when a room starts drawing.
            { name: 'geoman', test: /node_modules[\\/]@geoman-io[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
