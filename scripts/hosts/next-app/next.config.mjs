// @ts-check
/**
 * The host's backend is the mock thymia that test/hosts/run.mjs serves on another loopback port
 * (THYMIA_BACKEND, e.g. http://127.0.0.1:41234): the element's same-origin requests (`/api/session`,
 * `/api/status/…`, the pre-signed `/mock-upload/…` PUT) are rewritten to it, as a host would proxy
 * its own API. Nothing here reaches the network (no fonts, no images, telemetry off in run.mjs).
 */
import { fileURLToPath } from 'node:url';

const backend = process.env.THYMIA_BACKEND;
if (!backend) throw new Error('THYMIA_BACKEND (the mock backend origin) is not set');

/** @type {import('next').NextConfig} */
const config = {
  // The app's own folder is the root (the temp workspace around it has a lock file of its own).
  turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) },
  outputFileTracingRoot: fileURLToPath(new URL('.', import.meta.url)),
  images: { unoptimized: true },
  poweredByHeader: false,
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${backend}/api/:path*` },
      { source: '/mock-upload/:path*', destination: `${backend}/mock-upload/:path*` },
    ];
  },
};

export default config;
