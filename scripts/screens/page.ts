/**
 * The page `npm run screens` photographs: one <thymia-recorder> on a plain
 * phone-width page, its attributes from the query string
 * (`?model=apollo&lang=ja&min-speech-seconds=2`), pointed at the demo
 * backend (mock thymia). The demo's stand-in for a sign-in comes first: a
 * profile, kept in the demo backend's signed cookie.
 */
const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? 'en';
document.documentElement.lang = lang;
const language = ({ en: 'en-GB', es: 'es-ES', id: 'id-ID', ja: 'ja-JP' } as Record<string, string>)[lang] ?? 'en-GB';
await fetch('/api/demo/profile', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ userLabel: 'screens', dateOfBirth: '1990-01-01', birthSex: 'UNKNOWN', language }),
});
const el = document.createElement('thymia-recorder');
el.setAttribute('session-url', '/api/thymia/session');
el.setAttribute('poll-interval', '500');
for (const [name, value] of params) el.setAttribute(name, value);
document.getElementById('stage')!.append(el);
