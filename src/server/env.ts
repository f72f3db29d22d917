/**
 * Reads an environment variable where the runtime has one: `process.env`
 * (Node, Bun, Workers with nodejs_compat) or `Deno.env` (which throws
 * without --allow-env). Absent everywhere else; never throws.
 */
interface EnvGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

export function readEnv(name: string): string | undefined {
  const globals = globalThis as EnvGlobals;
  try {
    const value = globals.process?.env?.[name] ?? globals.Deno?.env?.get(name);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}
