import { describe, expect, it } from 'vitest';
import { missingKeys, type ResourceTree } from '@dondoc/ui';
import { federationName as sdkFederationName } from '@dondoc/plugin-sdk/vite';
import { shellEn, shellVi } from '../src/i18n.ts';
import { safeNext } from '../src/api.ts';
import { federationName } from '../src/modules/federationName.ts';
import { checkDefinition, ModuleLoadError, moduleFileUrls, moduleIdOf } from '../src/modules/federation.ts';

describe('shell texts', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(missingKeys(shellVi as ResourceTree, shellEn as ResourceTree)).toEqual([]);
  });
  it('carry the exact sign-in messages', () => {
    expect(shellVi.signIn.wrongCredentials).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(shellVi.signIn.throttled).toBe('Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ít phút.');
  });
});

describe('federationName', () => {
  it('agrees with the name the plugin build gives its container', () => {
    for (const id of ['fixture', 'tai-chinh', 'van-phong', 'tttt', 'noi-vu', 'missing-web']) {
      expect(federationName(id)).toBe(sdkFederationName(id));
    }
  });
});

describe('safeNext', () => {
  it('keeps same-site paths and refuses the rest', () => {
    expect(safeNext('/m/fixture/')).toBe('/m/fixture/');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/dang-nhap')).toBe('/');
  });
});

describe('checkDefinition', () => {
  const Page = () => null;
  it('accepts a PluginUIDefinition for the right id', () => {
    const definition = checkDefinition({ default: { id: 'fixture', routes: [{ path: '', Component: Page }], nav: [] } }, 'fixture');
    expect(definition.id).toBe('fixture');
  });
  it('refuses a missing default export, a wrong id, or no routes', () => {
    expect(() => checkDefinition({}, 'fixture')).toThrow(ModuleLoadError);
    expect(() => checkDefinition({ default: { id: 'other', routes: [{ path: '', Component: Page }] } }, 'fixture')).toThrow(/"other"/);
    expect(() => checkDefinition({ default: { id: 'fixture', routes: [] } }, 'fixture')).toThrow(ModuleLoadError);
    expect(() => checkDefinition({ default: { id: 'fixture', routes: [{ path: '' }] } }, 'fixture')).toThrow(ModuleLoadError);
  });
});

describe('what the shell preloads of a module', () => {
  it('finds the module of an address', () => {
    expect(moduleIdOf('/m/tai-chinh/')).toBe('tai-chinh');
    expect(moduleIdOf('/m/van-phong/phuong-an')).toBe('van-phong');
    expect(moduleIdOf('/tong-quan')).toBeUndefined();
  });

  it("names the remote entry and the ./plugin chunks of a module's manifest, under its public path", () => {
    const manifest = {
      metaData: { publicPath: '/plugins/tai-chinh/', remoteEntry: { name: 'remoteEntry.js', path: '' } },
      exposes: [{ path: './plugin', assets: { js: { sync: ['assets/plugin-abc.js', 'assets/utils-def.js'] } } }],
    };
    expect(moduleFileUrls(manifest, 'http://127.0.0.1:3000/plugins/tai-chinh/mf-manifest.json')).toEqual([
      'http://127.0.0.1:3000/plugins/tai-chinh/remoteEntry.js',
      'http://127.0.0.1:3000/plugins/tai-chinh/assets/plugin-abc.js',
      'http://127.0.0.1:3000/plugins/tai-chinh/assets/utils-def.js',
    ]);
    // A module served from another origin with publicPath "auto": beside its manifest.
    expect(moduleFileUrls({ metaData: { publicPath: 'auto', remoteEntry: { name: 'remoteEntry.js' } } }, 'https://cdn.example/xd/mf-manifest.json')).toEqual([
      'https://cdn.example/xd/remoteEntry.js',
    ]);
    expect(moduleFileUrls({}, 'http://127.0.0.1:3000/plugins/x/mf-manifest.json')).toEqual([]);
  });
});
