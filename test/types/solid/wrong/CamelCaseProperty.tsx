// A camelCase name: Solid would set the lowercased `minspeechseconds` property, so it is not offered.
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder minSpeechSeconds={10} />; // ✗ TS2322
