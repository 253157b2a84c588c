import { describe, expect, it } from 'vitest';
import { missingKeys, type ResourceTree } from '@dondoc/ui';
import { coreVi } from '../src/core/texts.ts';
import { givingEn, givingVi } from '../src/core/texts-giving.ts';
import { shellVi } from '../src/i18n.ts';
import { perm } from '../src/core/access.ts';
import { coreRoutes } from '../src/routes.tsx';
import { directiveFileProblem } from '../src/pages/giving/DirectiveForm.tsx';
import { isDistrictName, unitNamer } from '../src/pages/giving/units.ts';
import { auditWithExtensions } from '../src/pages/tasks/ExtensionPanel.tsx';

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
  it('tell districts from departments by their names, and name units by code', () => {
    expect(isDistrictName('Quận Ba Đình')).toBe(true);
    expect(isDistrictName('Huyện Ba Vì')).toBe(true);
    expect(isDistrictName('Thị xã Sơn Tây')).toBe(true);
    expect(isDistrictName('Sở Xây dựng')).toBe(false);
    expect(unitNamer([{ code: 'SXD', name: 'Sở Xây dựng' }])('SXD')).toBe('Sở Xây dựng');
    expect(unitNamer(undefined)('SXD')).toBe('SXD');
  });
});

describe('auditWithExtensions', () => {
  const extension = {
    id: 'e',
    task: { id: 't', code: '317-1-Q001', title: 'x' },
    unit: { code: 'Q001', name: 'Quận Ba Đình' },
    reason: 'r',
    previousDeadline: '2026-12-22',
    proposedDeadline: '2027-01-21',
    approvedDeadline: '2027-01-21',
    state: 'approved' as const,
    requestedBy: 'badinh',
    decidedBy: 'ubnd',
    decidedAt: '2026-12-02T09:00:00.000Z',
    decisionNote: null,
    createdAt: '2026-12-01T09:00:00.000Z',
  };
  const assign = { at: '2026-11-30T09:00:00.000Z', actor: 'ubnd', action: 'core.task.assign' };
  it('adds the request and the decision of each extension, newest first', () => {
    expect(auditWithExtensions({ audit: [assign], extensions: [extension] }).map((row) => row.action)).toEqual([
      'core.extension.approve',
      'core.extension.request',
      'core.task.assign',
    ]);
    expect(auditWithExtensions({ audit: [assign], extensions: [{ ...extension, state: 'pending', decidedAt: null, decidedBy: null }] }).map((r) => r.actor)).toEqual([
      'badinh',
      'ubnd',
    ]);
  });
  it('keeps the server’s list when it already has the extension rows', () => {
    const audit = [{ at: '2026-12-01T09:00:00.000Z', actor: 'badinh', action: 'core.extension.request' }, assign];
    expect(auditWithExtensions({ audit, extensions: [extension] })).toBe(audit);
  });
});
