import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import postcss, { type Rule } from 'postcss';

/**
 * The shell's stylesheet: a block left open swallows every rule after it (an unclosed
 * `@media print` once made the names in histories, the rank colours and the watch lists
 * print-only).
 */
const css = readFileSync(new URL('../src/styles.css', import.meta.url), 'utf8');

describe('styles.css', () => {
  it('parses, every block closed', () => {
    expect(() => postcss.parse(css)).not.toThrow();
  });
  it('keeps the screen rules out of the print block: only the printing rules are inside an at-rule for print', () => {
    const root = postcss.parse(css);
    const inPrint: string[] = [];
    root.walkRules((rule: Rule) => {
      const parent = rule.parent;
      if (parent?.type === 'atrule' && 'params' in parent && String(parent.params).includes('print')) inPrint.push(rule.selector);
    });
    for (const selector of ['.dondoc-person-name', '.dondoc-rank-up', '.dondoc-watch-list', '.dondoc-sparkline']) {
      expect(inPrint, selector).not.toContain(selector);
      let topLevel = false;
      root.each((node) => {
        if (node.type === 'rule' && node.selector === selector) topLevel = true;
      });
      expect(topLevel, selector).toBe(true);
    }
  });
});
