// A React Server Component (no 'use client' here): it renders the wrapper straight from the
// package. thymia-recorder/react is a client boundary of its own ('use client' in the module),
// so the server sends the tag and the browser loads the element. Server components cannot pass
// functions, so no event props here (see app/client/ for those).
import { ThymiaRecorder } from 'thymia-recorder/react';

export default function Home() {
  return (
    <main>
      <h1>Next.js host: server component</h1>
      <ThymiaRecorder sessionUrl="/api/session" minSpeechSeconds={1} pollInterval={200} />
    </main>
  );
}
