import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { RegisterPage } from './RegisterPage.tsx';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (the date picker, the panels …).
const ConsolidationPage = lazy(() => import('./ConsolidationPage.tsx').then((m) => ({ default: m.ConsolidationPage })));
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));
const ReportPage = lazy(() => import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

/**
 * The module's web side, exposed as `./plugin` and mounted by the shell under `/m/tai-chinh/`:
 * the register, the import, the consolidation (with Sở Tài chính's approval) and the periodic
 * report; and a card for the coordinators' overview.
 */
export default definePluginUI({
  id: 'tai-chinh',
  routes: [
    { path: '', Component: RegisterPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
    { path: 'tong-hop', Component: ConsolidationPage },
    { path: 'bao-cao', Component: ReportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Đơn vị sự nghiệp', en: 'Public service units' }, permission: 'tai-chinh.units:read' },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập từ tệp', en: 'Import from file' }, permission: 'tai-chinh.units:write' },
    { path: 'tong-hop', label: { vi: 'Tổng hợp, phê duyệt', en: 'Consolidation, approval' }, permission: 'tai-chinh.units:read' },
    { path: 'bao-cao', label: { vi: 'Báo cáo tự chủ tài chính', en: 'Financial autonomy report' }, permission: 'tai-chinh.reports:export' },
  ],
  overviewWidget: OverviewWidget,
});
