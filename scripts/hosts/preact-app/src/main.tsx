// Defines <thymia-recorder> (before the first render, so Preact sets its properties) and types it in Preact's JSX.
import 'thymia-recorder/preact';
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
