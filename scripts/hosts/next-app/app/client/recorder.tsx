'use client';
import { useMemo, useState } from 'react';
import { THYMIA_REACT_EVENTS, ThymiaRecorder, type ResultDetail, type ThymiaRecorderProps } from 'thymia-recorder/react';

type Listeners = Pick<ThymiaRecorderProps, keyof typeof THYMIA_REACT_EVENTS>;

export function Recorder() {
  const [result, setResult] = useState<ResultDetail>();
  const [heard, setHeard] = useState<string[]>([]);

  // One handler per onThymia… prop the wrapper offers: every event must reach React.
  const listeners = useMemo(() => {
    const hear = (event: Event) => setHeard((names) => [...names, event.type]);
    return Object.fromEntries(Object.keys(THYMIA_REACT_EVENTS).map((prop) => [prop, hear])) as Listeners;
  }, []);

  return (
    <>
      <ThymiaRecorder
        {...listeners}
        sessionUrl="/api/session"
        minSpeechSeconds={1}
        pollInterval={200}
        onThymiaResult={(event) => {
          listeners.onThymiaResult?.(event);
          const { detail } = event;
          // The detail is typed (next build type-checks): a field thymia-result lacks is an error.
          // @ts-expect-error no such field on ResultDetail
          void detail.noSuchField;
          setResult(detail);
        }}
      />
      <output id="result" data-run-id={result?.modelRunId}>
        {result ? JSON.stringify(result.results) : ''}
      </output>
      <ol id="heard">
        {heard.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ol>
    </>
  );
}
