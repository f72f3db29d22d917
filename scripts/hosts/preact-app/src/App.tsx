import type { ResultDetail, ThymiaEvent } from 'thymia-recorder/preact';
import { useState } from 'preact/hooks';

export function App() {
  const [result, setResult] = useState<ResultDetail>();
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (event: Event) => setHeard((names) => [...names, event.type]);

  // Typed by thymia-recorder/preact: event.detail is thymia-result's detail.
  function onResult(event: ThymiaEvent<'thymia-result'>) {
    hear(event);
    setResult(event.detail);
  }

  // session-url as an attribute (text); minSpeechSeconds and pollInterval as properties (numbers).
  return (
    <main>
      <h1>Preact host</h1>
      <thymia-recorder
        session-url="/api/session"
        minSpeechSeconds={1}
        pollInterval={200}
        onthymia-state-change={hear}
        onthymia-recording-start={hear}
        onthymia-recording-pause={hear}
        onthymia-recording-resume={hear}
        onthymia-recording-stop={(event) => hear(event)}
        onthymia-upload-progress={hear}
        onthymia-upload-complete={hear}
        onthymia-upload-retry={hear}
        onthymia-status={hear}
        onthymia-result={onResult}
        onthymia-error={hear}
        onthymia-restored={hear}
        onthymia-consent={hear}
        onthymia-history={hear}
      />
      <output id="result" data-run-id={result?.modelRunId}>
        {result ? JSON.stringify(result.results) : ''}
      </output>
      <ol id="heard">
        {heard.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ol>
    </main>
  );
}
