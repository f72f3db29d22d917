// A listener written for another event's detail.
import 'thymia-recorder/solid';

function onProgress(event: CustomEvent<{ percent: number }>) {
  console.log(event.detail.percent);
}

export const App = () => <thymia-recorder on:thymia-upload-progress={onProgress} />; // ✗ TS2322
