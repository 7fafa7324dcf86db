import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The proxy serves the built files at /console/; API calls go to the same origin.
export default defineConfig({
  base: '/console/',
  plugins: [preact()],
  build: {
    sourcemap: false,
  },
});
