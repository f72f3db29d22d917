// A property the element does not have (a camelCase name must be one of its own or an HTML one).
import 'thymia-recorder/preact';

export const App = () => <thymia-recorder minSpeechSecond={10} />; // ✗ TS2322
