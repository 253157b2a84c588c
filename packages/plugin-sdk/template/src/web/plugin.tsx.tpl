import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { EntriesPage } from './EntriesPage.tsx';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (here the spreadsheet import).
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));

/** The module's web side, exposed as `./plugin` and mounted by the shell under `/m/__PLUGIN_ID__/`. */
export default definePluginUI({
  id: '__PLUGIN_ID__',
  routes: [
    { path: '', Component: EntriesPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Kết quả thực hiện', en: 'Results' }, permission: '__PLUGIN_ID__.entries:read' },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập từ tệp', en: 'Import from file' }, permission: '__PLUGIN_ID__.entries:write' },
  ],
  overviewWidget: OverviewWidget,
});
