// A detail field thymia-result does not carry.
import 'thymia-recorder/solid';

export const App = () => <thymia-recorder on:thymia-result={(event) => console.log(event.detail.nope)} />; // ✗ TS2339
