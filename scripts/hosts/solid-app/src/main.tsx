// Defines <thymia-recorder> and types it in Solid's JSX (kebab-case properties, prop:/attr:, on:thymia-… listeners).
import 'thymia-recorder/solid';
import { render } from 'solid-js/web';
import { App } from './App';

render(() => <App />, document.getElementById('app')!);
