/**
 * axe-core audits of the element in one state: the violations are counted
 * for a per-state summary (printed with `printAxeSummary`), then asserted
 * with chai-a11y-axe's `expect(el).to.be.accessible()`, the check hosts run.
 */
import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

const summary: { state: string; violations: number; rules: string[] }[] = [];

async function loadAxe(): Promise<AxeGlobal> {
  const global = window as unknown as { axe?: AxeGlobal };
  // @ts-expect-error axe.min.js is a UMD script without its own typings; loading it defines window.axe.
  if (!global.axe) await import('axe-core/axe.min.js');
  return global.axe!;
}

/** Audits `el` as it is now, labelled `state` in the summary; fails on any violation. */
export async function expectAccessible(el: Element & { updateComplete?: Promise<unknown> }, state: string): Promise<void> {
  await el.updateComplete;
  const axe = await loadAxe();
  const results = await axe.run(el, { resultTypes: ['violations'] });
  const rules = results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  summary.push({ state, violations: results.violations.length, rules });
  await expect(el).to.be.accessible();
}

/** One line per audited state: `state → N violations`. */
export function printAxeSummary(title: string): void {
  const lines = summary.splice(0).map(({ state, violations, rules }) => `  ${state.padEnd(34)} → ${violations} violations${rules.length ? `: ${rules.join(', ')}` : ''}`);
  console.log(`axe (${title}):\n${lines.join('\n')}`);
}
