import { addResources, type ResourceTree } from './i18n.ts';

/** A text in both languages: Vietnamese first (the reference), then English. */
export type TextPair = readonly [vi: string, en: string];

/** A module's texts with each English text beside its Vietnamese one: both languages have every key by construction. */
export interface TextPairTree {
  [key: string]: TextPair | TextPairTree;
}

/** The Vietnamese and English trees of a tree of pairs. */
export function splitTexts(tree: TextPairTree): { vi: ResourceTree; en: ResourceTree } {
  const vi: ResourceTree = {};
  const en: ResourceTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (Array.isArray(value)) {
      const [viText, enText] = value as TextPair;
      vi[key] = viText;
      en[key] = enText;
    } else {
      const split = splitTexts(value as TextPairTree);
      vi[key] = split.vi;
      en[key] = split.en;
    }
  }
  return { vi, en };
}

/**
 * Adds a module's texts, written as pairs, under its namespace (`addResources` of both trees):
 * `addTexts('tai-chinh', { import: { title: ['Nhập danh sách từ tệp', 'Import the register from a file'] } })`.
 */
export function addTexts(namespace: string, tree: TextPairTree): void {
  addResources(namespace, splitTexts(tree));
}
