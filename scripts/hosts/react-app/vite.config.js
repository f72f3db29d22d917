import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ base: '/react/', plugins: [react()], build: { target: 'es2022' } });
