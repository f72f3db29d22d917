// A listener written for another event's detail.
import 'thymia-recorder/preact';

function onProgress(event: CustomEvent<{ percent: number }>) {
  console.log(event.detail.percent);
}

export const App = () => <thymia-recorder onthymia-upload-progress={onProgress} />; // ✗ TS2322
