import { describe, expect, it } from 'vitest';
import { missingKeys, type ResourceTree } from '@dondoc/ui';
import { coreVi } from '../src/core/texts.ts';
import { givingEn, givingVi } from '../src/core/texts-giving.ts';
import { shellVi } from '../src/i18n.ts';
import { perm } from '../src/core/access.ts';
import { coreRoutes } from '../src/routes.tsx';
import { directiveFileProblem } from '../src/pages/giving/DirectiveForm.tsx';
import { unitNamer } from '../src/pages/giving/units.ts';

describe('giving texts', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(missingKeys(givingVi as ResourceTree, givingEn as ResourceTree)).toEqual([]);
  });
  it('add the audit words of giving and extensions without dropping the core ones', () => {
    for (const key of Object.keys(coreVi.audit)) expect(shellVi.audit).toHaveProperty(key);
    expect(shellVi.audit.core_extension_request).toBe('Đề nghị gia hạn');
    expect(shellVi.audit.core_task_assign).toBe('Giao nhiệm vụ');
  });
});

describe('giving routes', () => {
  it('are for the holders of core.directives:write, with a menu entry for the list', () => {
    const list = coreRoutes.find((r) => r.path === '/giao-nhiem-vu');
    expect(list?.anyOf).toEqual([perm.directivesWrite]);
    expect(list?.nav?.labelKey).toBe('giving.nav');
    expect(coreRoutes.find((r) => r.path === '/giao-nhiem-vu/:id')?.anyOf).toEqual([perm.directivesWrite]);
  });
});

describe('directive files and units', () => {
  it('take PDF or DOCX up to 5 MB as the directive’s text', () => {
    expect(directiveFileProblem({ name: 'VB.PDF', size: 10 })).toBeNull();
    expect(directiveFileProblem({ name: 'vb.docx', size: 5 * 1024 * 1024 })).toBeNull();
    expect(directiveFileProblem({ name: 'vb.xlsx', size: 10 })).toBe('type');
    expect(directiveFileProblem({ name: 'vb.pdf', size: 0 })).toBe('empty');
    expect(directiveFileProblem({ name: 'vb.pdf', size: 5 * 1024 * 1024 + 1 })).toBe('size');
  });
  it('name units by code', () => {
    expect(unitNamer([{ code: 'SXD', name: 'Sở Xây dựng', kind: 'department' }])('SXD')).toBe('Sở Xây dựng');
    expect(unitNamer(undefined)('SXD')).toBe('SXD');
  });
});
