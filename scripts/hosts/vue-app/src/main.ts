// Defines <thymia-recorder> and types it in templates (@thymia-result, :min-speech-seconds).
import 'thymia-recorder/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
