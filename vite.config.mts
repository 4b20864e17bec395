import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // A desktop app loads from disk; one chunk for the basemap data is fine.
    chunkSizeWarningLimit: 2000,
  },
});
