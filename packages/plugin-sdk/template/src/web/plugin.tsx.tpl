import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { EntriesPage } from './EntriesPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { OverviewWidget } from './OverviewWidget.tsx';
import './i18n.ts';

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
