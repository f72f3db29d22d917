// Preact JSX through thymia-recorder/preact: every line here must type-check.
import 'thymia-recorder/preact';
import type { ResultDetail, ThymiaEvent } from 'thymia-recorder/preact';
import { useRef, useState } from 'preact/hooks';

export function App() {
  const [result, setResult] = useState<ResultDetail>();
  const [uploaded, setUploaded] = useState(0);
  const element = useRef<HTMLElementTagNameMap['thymia-recorder']>(null);

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
        style={{ maxWidth: '40rem' }}
        session-url="/api/session"
        model="helios"
        min-speech-seconds={1}
        max-seconds="90"
        pollInterval={200}
        autoSubmit={false}
        statusRequestInit={{ credentials: 'include' }}
        strings={{}}
        data-testid="recorder"
        aria-label="Voice check"
        onthymia-result={onResult}
        onthymia-upload-progress={(event) => setUploaded(event.detail.loaded)}
        onthymia-error={(event) => console.warn(event.detail.code)}
        onthymia-state-change={hear}
      />
      <p>{uploaded} bytes sent</p>
      <output data-run-id={result?.modelRunId}>{result ? JSON.stringify(result.results) : ''}</output>
    </main>
  );
}
