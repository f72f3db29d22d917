import { Recorder } from './recorder';

// A server page that renders the host's own client component, which listens through event props.
export default function ClientPage() {
  return (
    <main>
      <h1>Next.js host: client component</h1>
      <Recorder />
    </main>
  );
}
