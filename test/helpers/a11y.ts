/**
 * axe-core audits of the element in one state: first against WCAG 2.0–2.2
 * A/AA plus axe's best practices (axe's defaults leave WCAG 2.2's
 * `target-size` out), counted for a per-state summary (printed with
 * `printAxeSummary`); then chai-a11y-axe's `expect(el).to.be.accessible()`,
 * the check hosts run.
 */
import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const summary: { state: string; violations: number; rules: string[]; review: string[] }[] = [];

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
  const results = await axe.run(el, { runOnly: { type: 'tag', values: WCAG_22_AA }, resultTypes: ['violations'] });
  const rules = results.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  // What axe could not decide by itself (e.g. contrast over a translucent background): listed, not failed.
  const review = results.incomplete.map((check) => `${check.id} (${check.nodes.length})`);
  summary.push({ state, violations: results.violations.length, rules, review });
  const found = results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' > ')} — ${node.failureSummary ?? ''}`));
  expect(found, `axe in state "${state}"`).to.deep.equal([]);
  await expect(el).to.be.accessible();
}

/** One line per audited state: `state → N violations`. */
export function printAxeSummary(title: string): void {
  const lines = summary
    .splice(0)
    .map(
      ({ state, violations, rules, review }) =>
        `  ${state.padEnd(36)} → ${violations} violations${rules.length ? `: ${rules.join(', ')}` : ''}${review.length ? `; needs review: ${review.join(', ')}` : ''}`,
    );
  console.log(`axe (${title}):\n${lines.join('\n')}`);
}
