import type { ReactNode } from 'react';

export const metadata = { title: 'Next.js host' };

// No next/font: nothing may reach the network during the build or at run time.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
