// A detail field thymia-result does not carry.
import 'thymia-recorder/preact';

export const App = () => <thymia-recorder onthymia-result={(event) => console.log(event.detail.nope)} />; // ✗ TS2339
