// A property the element does not have, in Solid's prop: namespace.
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder prop:minSpeechSecond={10} />; // ✗ TS2322
