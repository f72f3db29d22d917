// Solid JSX through thymia-recorder/solid: every line here must type-check.
import 'thymia-recorder/solid';
import type { ResultDetail, ThymiaEvent } from 'thymia-recorder/solid';
import { createSignal } from 'solid-js';

export function App() {
  const [result, setResult] = createSignal<ResultDetail>();
  const [uploaded, setUploaded] = createSignal(0);
  let element: HTMLElementTagNameMap['thymia-recorder'] | undefined;

  // A handler declared apart, typed with the package's event type.
  function onResult(event: ThymiaEvent<'thymia-result'>) {
    setResult(event.detail);
  }
  const hear = (event: Event) => console.log(event.type);

  return (
    <main class="host" id="main">
      <thymia-recorder
        ref={element}
        class="recorder"
        style={{ 'max-width': '40rem' }}
        session-url="/api/session"
        model="helios"
        min-speech-seconds={1}
        poll-interval={200}
        auto-submit={false}
        status-request-init={{ credentials: 'include' }}
        strings={{}}
        prop:maxSeconds={90}
        attr:history-url="/api/history"
        attr:max-seconds="90"
        data-testid="recorder"
        aria-label="Voice check"
        on:thymia-result={onResult}
        on:thymia-upload-progress={(event) => setUploaded(event.detail.loaded)}
        onthymia-error={(event) => console.warn(event.detail.code)}
        on:thymia-state-change={hear}
      />
      <p>{uploaded()} bytes sent</p>
      <output data-run-id={result()?.modelRunId}>{result() ? JSON.stringify(result()?.results) : ''}</output>
    </main>
  );
}
