// A boolean where the property is a number.
import 'thymia-recorder/preact';

export const App = () => <thymia-recorder minSpeechSeconds={true} />; // ✗ TS2322
