/**
 * The error every status adapter throws for a body it does not understand.
 * In its own module so adapters can import it without importing the adapter
 * registry (which imports them).
 */
export class StatusShapeError extends Error {
  constructor(readonly issues: string) {
    super(`status response not understood: ${issues}`);
    this.name = 'StatusShapeError';
  }
}

/** The first few zod issues, as one line for logs and error details. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
