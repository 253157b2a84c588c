import { fileURLToPath } from 'node:url';
import { definePlugin } from '@dondoc/plugin-sdk';
import { COST_CUT_TARGET, INTERNAL_CUT_TARGET } from '../domain/index.ts';
import { permissions } from './permissions.ts';
import { moduleRouter } from './router.ts';

/** What both 2458 targets share: clause 2.2 (the Văn phòng leads the cuts), at least 20% by the end of 2025. */
const cutTarget = {
  directive: '2458/UBND-SNV',
  clause: '2.2',
  direction: 'at_least',
  targetValue: 20,
  measureUnit: '%',
  targetDate: '2025-12-31',
  baselineDate: '2023-06-30',
} as const;

/**
 * Văn phòng UBND Thành phố (directive 2458 §2): the procedure catalogue and its publication,
 * the simplification plans toward the 20% cuts, the delegation register (Decision 4610/QĐ-UBND)
 * and the one-stop-shop model (Plan 01/KH-UBND 2023). It declares the two 2458 cut targets the
 * core seeded as manual ones: the core adopts them for the module when it loads (their
 * measurements entered by hand stay), and from then on the module records them.
 */
export default definePlugin({
  id: 'van-phong',
  name: 'Văn phòng UBND Thành phố',
  unit: 'VP',
  version: '0.1.0',
  permissions: [...permissions],
  targets: [
    { ...cutTarget, code: INTERNAL_CUT_TARGET, name: 'Cắt giảm, đơn giản hóa ít nhất 20% TTHC nội bộ đến năm 2025', baselineValue: 2.5 },
    { ...cutTarget, code: COST_CUT_TARGET, name: 'Cắt giảm ít nhất 20% chi phí tuân thủ TTHC đến năm 2025', baselineValue: 1.5 },
  ],
  router: moduleRouter,
  migrations: fileURLToPath(new URL('../../drizzle', import.meta.url)),
});
