// A string where the property (prop: namespace) is a number.
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder prop:maxSeconds="90" />; // ✗ TS2322
