import { describe, expect, it } from 'vitest';
import { coversUnit, decide, PermissionError, PermissionRegistry } from './policy.ts';
import type { SessionUser } from './types.ts';

const user = (roles: SessionUser['roles'], unitCode: string | null): SessionUser => ({
  id: 'u',
  username: 'x',
  displayName: 'X',
  roles,
  unit: unitCode ? { code: unitCode, name: unitCode, kind: 'department' } : null,
});

const approve = {
  key: 'tai-chinh.units:approve',
  description: 'approve',
  grants: { unit_lead: ['own' as const, 'owner' as const], officer: ['own' as const], coordinator: ['all' as const] },
  ownerUnitCode: 'STC',
};

describe('permission policy', () => {
  it('denies anonymous users and unknown permissions', () => {
    expect(decide(null, approve)).toEqual({ allowed: false });
    expect(decide(user(['admin'], null), undefined)).toEqual({ allowed: false });
  });
  it('gives admins every unit', () => {
    expect(decide(user(['admin'], null), approve)).toEqual({ allowed: true, unitCodes: 'all' });
  });
  it('limits the own scope to the user’s unit', () => {
    expect(decide(user(['officer'], 'SXD'), approve)).toEqual({ allowed: true, unitCodes: ['SXD'] });
  });
  it('widens the owner scope to every unit only for the owning unit', () => {
    expect(decide(user(['unit_lead'], 'STC'), approve)).toEqual({ allowed: true, unitCodes: 'all' });
    expect(decide(user(['unit_lead'], 'SXD'), approve)).toEqual({ allowed: true, unitCodes: ['SXD'] });
  });
  it('denies roles with no grant and users without a unit on the own scope', () => {
    expect(decide(user(['officer'], null), approve)).toEqual({ allowed: false });
    expect(decide(user([], 'STC'), approve)).toEqual({ allowed: false });
  });
  it('coversUnit answers per unit', () => {
    expect(coversUnit({ allowed: true, unitCodes: ['A'] }, 'A')).toBe(true);
    expect(coversUnit({ allowed: true, unitCodes: ['A'] }, 'B')).toBe(false);
    expect(coversUnit({ allowed: true, unitCodes: 'all' }, 'B')).toBe(true);
    expect(coversUnit({ allowed: false }, 'A')).toBe(false);
  });
  it('registry refuses malformed, foreign and duplicate keys', () => {
    const registry = new PermissionRegistry();
    registry.register('tai-chinh', 'STC', [approve]);
    expect(registry.decide(user(['coordinator'], 'UBND'), approve.key)).toEqual({ allowed: true, unitCodes: 'all' });
    expect(() => registry.register('tai-chinh', 'STC', [approve])).toThrow(PermissionError);
    expect(() => registry.register('khdt', 'SKHDT', [{ ...approve, key: 'tai-chinh.x:y' }])).toThrow(PermissionError);
    expect(() => registry.register('khdt', 'SKHDT', [{ ...approve, key: 'khdt.Bad' }])).toThrow(PermissionError);
    registry.unregister('tai-chinh');
    expect(registry.has(approve.key)).toBe(false);
  });
});
