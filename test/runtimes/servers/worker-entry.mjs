// The Cloudflare Worker: bundled by servers/workerd.mjs, run in workerd by Miniflare. Secrets arrive as bindings.
import { createApp } from '../app.mjs';

let app;
export default {
  fetch(request, env) {
    app ??= createApp({ apiKey: env.THYMIA_API_KEY, baseUrl: env.THYMIA_BASE_URL });
    return app.fetch(request);
  },
};
