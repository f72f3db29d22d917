// An object for an attribute (attributes are text or numbers).
import 'thymia-recorder/preact';

export const App = () => <thymia-recorder max-seconds={{ seconds: 60 }} />; // ✗ TS2322
