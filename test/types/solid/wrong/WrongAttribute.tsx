// An object for an attribute (attr: namespace: text or numbers).
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder attr:max-seconds={{ seconds: 60 }} />; // ✗ TS2322
