import type { ResultDetail, ThymiaEvent } from 'thymia-recorder/solid';
import { createSignal, For } from 'solid-js';

export function App() {
  const [result, setResult] = createSignal<ResultDetail>();
  const [heard, setHeard] = createSignal<string[]>([]);
  const hear = (event: Event) => setHeard((names) => [...names, event.type]);

  // Typed by thymia-recorder/solid: event.detail is thymia-result's detail.
  function onResult(event: ThymiaEvent<'thymia-result'>) {
    hear(event);
    setResult(event.detail);
  }

  // Solid sets a custom element's kebab-case props as camelCase properties (min-speech-seconds → minSpeechSeconds);
  // attr: writes the attribute, on: adds a listener under the name as written (onthymia-error: the lowercase form).
  return (
    <main>
      <h1>Solid host</h1>
      <thymia-recorder
        attr:session-url="/api/session"
        min-speech-seconds={1}
        prop:pollInterval={200}
        on:thymia-state-change={hear}
        on:thymia-recording-start={hear}
        on:thymia-recording-pause={hear}
        on:thymia-recording-resume={hear}
        on:thymia-recording-stop={(event) => hear(event)}
        on:thymia-upload-progress={hear}
        on:thymia-upload-complete={hear}
        on:thymia-upload-retry={hear}
        on:thymia-status={hear}
        on:thymia-result={onResult}
        onthymia-error={hear}
        on:thymia-restored={hear}
        on:thymia-consent={hear}
        on:thymia-history={hear}
      />
      <output id="result" data-run-id={result()?.modelRunId}>
        {result() ? JSON.stringify(result()?.results) : ''}
      </output>
      <ol id="heard">
        <For each={heard()}>{(name) => <li>{name}</li>}</For>
      </ol>
    </main>
  );
}
