import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commonEn, commonVi } from '../src/locales/common.ts';
import { missingKeys } from '../src/i18n.ts';

describe('common resources', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(missingKeys(commonVi, commonEn)).toEqual([]);
  });

  it('are real Vietnamese, with diacritics', () => {
    expect(commonVi.error.retry).toBe('Thử lại');
    expect(commonVi.locale.vi).toBe('Tiếng Việt');
  });
});

describe('missingKeys', () => {
  it('names the keys missing on either side', () => {
    expect(missingKeys({ a: 'x', b: { c: 'y' } }, { a: 'x', b: { d: 'z' } })).toEqual(['en: b.c', 'vi: b.d']);
  });
});

describe('locale', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    vi.resetModules();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is Vietnamese by default', async () => {
    const { getLocale, i18n } = await import('../src/i18n.ts');
    expect(getLocale()).toBe('vi');
    expect(i18n.t('error.retry')).toBe('Thử lại');
  });

  it('switches to English and remembers it in localStorage', async () => {
    const { getLocale, setLocale, i18n, LOCALE_STORAGE_KEY } = await import('../src/i18n.ts');
    await setLocale('en');
    expect(getLocale()).toBe('en');
    expect(store.get(LOCALE_STORAGE_KEY)).toBe('en');
    expect(i18n.t('error.retry')).toBe('Try again');
  });

  it('starts in the remembered language', async () => {
    store.set('dondoc.locale', 'en');
    const { getLocale } = await import('../src/i18n.ts');
    expect(getLocale()).toBe('en');
  });

  it('ignores a garbage remembered value', async () => {
    store.set('dondoc.locale', 'fr');
    const { getLocale } = await import('../src/i18n.ts');
    expect(getLocale()).toBe('vi');
  });

  it('lets a module add its own namespace', async () => {
    const { addResources, i18n, setLocale } = await import('../src/i18n.ts');
    addResources('fixture', { vi: { title: 'Tiêu đề' }, en: { title: 'Title' } });
    expect(i18n.t('title', { ns: 'fixture' })).toBe('Tiêu đề');
    await setLocale('en');
    expect(i18n.t('title', { ns: 'fixture' })).toBe('Title');
  });
});
