/**
 * The page `npm run screens` photographs: one <thymia-recorder> on a plain
 * phone-width page, its attributes from the query string
 * (`?model=apollo&lang=ja&min-speech-seconds=2`), pointed at the demo
 * backend's mock thymia.
 */
const params = new URLSearchParams(location.search);
const el = document.createElement('thymia-recorder');
el.setAttribute('session-url', '/api/session');
el.setAttribute('poll-interval', '500');
for (const [name, value] of params) el.setAttribute(name, value);
document.documentElement.lang = params.get('lang') ?? 'en';
document.getElementById('stage')!.append(el);
