import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { ReportsPage } from './ReportsPage.tsx';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (the date picker, the panels …).
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const InspectionsPage = lazy(() => import('./InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })));
const ModelsPage = lazy(() => import('./ModelsPage.tsx').then((m) => ({ default: m.ModelsPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));
const ScorecardsPage = lazy(() => import('./ScorecardsPage.tsx').then((m) => ({ default: m.ScorecardsPage })));

/**
 * The module's web side, exposed as `./plugin` and mounted by the shell under `/m/noi-vu/`: the
 * consolidated periodic CCHC report, the PAR INDEX / SIPAS / PAPI scorecards and the ranking, good
 * models, inspections and discipline, the inspection plan's import; a card for the overview.
 */
export default definePluginUI({
  id: 'noi-vu',
  routes: [
    { path: '', Component: ReportsPage },
    { path: 'chi-so', Component: ScorecardsPage },
    { path: 'mo-hinh', Component: ModelsPage },
    { path: 'kiem-tra', Component: InspectionsPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Báo cáo tổng hợp CCHC', en: 'Consolidated reform report' }, permission: 'noi-vu.reports:read' },
    { path: 'chi-so', label: { vi: 'Chỉ số PAR INDEX, SIPAS, PAPI', en: 'PAR INDEX, SIPAS, PAPI' }, permission: 'noi-vu.scorecards:read' },
    { path: 'mo-hinh', label: { vi: 'Mô hình, cách làm hay', en: 'Good models' }, permission: 'noi-vu.models:read' },
    { path: 'kiem-tra', label: { vi: 'Kiểm tra, kỷ luật', en: 'Inspections, discipline' }, permission: 'noi-vu.inspections:read' },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập từ tệp', en: 'Import from a file' }, permission: 'noi-vu.inspections:write' },
  ],
  overviewWidget: OverviewWidget,
});
