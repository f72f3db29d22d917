// Defines <thymia-recorder> and types it for Svelte templates (properties, attributes, onthymia-… events).
import 'thymia-recorder/svelte';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
