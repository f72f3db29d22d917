import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  base: '/preact/',
  plugins: [preact()],
  build: { target: 'es2022' },
});
