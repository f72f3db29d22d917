/**
 * A `datetime-local` value in thymia's format (ISO 8601, seconds, no time
 * zone: `2026-11-22T23:30:00`), or undefined when empty or malformed.
 */
export function toThymiaLocalTime(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?$/.exec(value.trim());
  if (!match) return undefined;
  return `${match[1]}T${match[2]}${match[3] ?? ':00'}`;
}
