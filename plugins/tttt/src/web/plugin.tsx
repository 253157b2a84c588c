import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { PlansPage } from './PlansPage.tsx';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (the date picker, the panels …).
const ContentsPage = lazy(() => import('./ContentsPage.tsx').then((m) => ({ default: m.ContentsPage })));
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));
const PlanPage = lazy(() => import('./PlanPage.tsx').then((m) => ({ default: m.PlanPage })));
const SystemPage = lazy(() => import('./SystemPage.tsx').then((m) => ({ default: m.SystemPage })));

/**
 * The module's web side, exposed as `./plugin` and mounted by the shell under `/m/tttt/`: the
 * units' digital-transformation plans (a unit's own, Sở TT&TT's review), the procedures
 * information system (features, connections, security), the imports of its registers; and a card
 * for the coordinators' overview.
 */
export default definePluginUI({
  id: 'tttt',
  routes: [
    { path: '', Component: PlansPage },
    { path: 'ke-hoach/:unitCode', Component: PlanPage },
    { path: 'noi-dung', Component: ContentsPage },
    { path: 'he-thong', Component: SystemPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Kế hoạch chuyển đổi số', en: 'Digital-transformation plans' }, permission: 'tttt.plans:read' },
    { path: 'noi-dung', label: { vi: 'Nội dung Kế hoạch 64', en: 'Plan 64 contents' }, permission: 'tttt.plans:read' },
    { path: 'he-thong', label: { vi: 'Hệ thống TTHC', en: 'Procedures system' }, permission: 'tttt.system:read' },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập từ tệp', en: 'Import from a file' }, permission: 'tttt.system:write' },
  ],
  overviewWidget: OverviewWidget,
});
