import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// in Electron and from the loopback test bridge, both
// under a strict CSP (script-src 'self'; style-src 'self'): the build must emit only
// external scripts and stylesheets, with relative URLs so either origin works.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep every asset a file under 'self'.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
