import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { SchemesPage } from './SchemesPage.tsx';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (the date picker, the panels …).
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const IndexPage = lazy(() => import('./IndexPage.tsx').then((m) => ({ default: m.IndexPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));
const SchemePage = lazy(() => import('./SchemePage.tsx').then((m) => ({ default: m.SchemePage })));

/**
 * The module's web side, exposed as `./plugin` and mounted by the shell under `/m/khdt/`: the
 * business-support schemes (list with flags, one scheme with its obstacles), a page per index
 * (PCI, PGI), the schemes' import; and a card for the coordinators' overview.
 */
export default definePluginUI({
  id: 'khdt',
  routes: [
    { path: '', Component: SchemesPage },
    { path: 'de-an/:id', Component: SchemePage },
    { path: 'chi-so/:index', Component: IndexPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Đề án hỗ trợ doanh nghiệp', en: 'Business-support schemes' }, permission: 'khdt.schemes:read' },
    { path: 'chi-so/pci', label: { vi: 'Chỉ số PCI', en: 'PCI' }, permission: 'khdt.scorecards:read' },
    { path: 'chi-so/pgi', label: { vi: 'Chỉ số PGI', en: 'PGI' }, permission: 'khdt.scorecards:read' },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập từ tệp', en: 'Import from a file' }, permission: 'khdt.schemes:write' },
  ],
  overviewWidget: OverviewWidget,
});
