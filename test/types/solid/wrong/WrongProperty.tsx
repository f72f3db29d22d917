// A boolean where the property is a number (Solid sets min-speech-seconds as the minSpeechSeconds property).
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder min-speech-seconds={true} />; // ✗ TS2322
