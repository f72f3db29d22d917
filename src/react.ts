'use client';
/**
 * `thymia-recorder/react`: `<thymia-recorder>` as a React component, made
 * with `@lit/react`. Properties are set as properties (so `statusRequestInit`
 * or `strings` objects arrive intact) and every `thymia-*` event has a typed
 * `onThymia…` prop:
 *
 * ```tsx
 * import { ThymiaRecorder } from 'thymia-recorder/react';
 *
 * <ThymiaRecorder sessionUrl="/api/session" onThymiaResult={(event) => show(event.detail.results)} />
 * ```
 *
 * Importing it defines the element, like the package entry. It renders the
 * bare tag on the server (the element's own rendering starts in the browser).
 * The module is a client boundary (`'use client'`), so a React Server
 * Component (Next.js app router) can render it straight from a server file.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { defineThymiaRecorder, TAG_NAME } from './define.js';
import { eventProps, type EventPropName } from './event-props.js';
import { THYMIA_EVENT_NAMES, type ThymiaEvent, type ThymiaEventName } from './events.js';
import { ThymiaRecorder as ThymiaRecorderElement } from './thymia-recorder.js';

defineThymiaRecorder();

/** React prop → event, typed so each handler receives that event's `detail`. */
export type ThymiaReactEvents = {
  readonly [Name in ThymiaEventName as EventPropName<Name>]: EventName<ThymiaEvent<Name>>;
};

/** `{ onThymiaResult: 'thymia-result', … }` for every event the element dispatches. */
export const THYMIA_REACT_EVENTS = eventProps(THYMIA_EVENT_NAMES) as unknown as ThymiaReactEvents;

/** `<thymia-recorder>` for React: element properties as props, plus an `onThymia…` prop per event. */
export const ThymiaRecorder = createComponent({
  react: React,
  tagName: TAG_NAME,
  elementClass: ThymiaRecorderElement,
  events: THYMIA_REACT_EVENTS,
  displayName: 'ThymiaRecorder',
});

/** The component's props, e.g. to wrap it: `(props: ThymiaRecorderProps) => <ThymiaRecorder {...props} />`. */
export type ThymiaRecorderProps = React.ComponentProps<typeof ThymiaRecorder>;

/** The element class, for `useRef<ThymiaRecorderElement>()`. */
export type { ThymiaRecorderElement };
export type * from './events.js';
