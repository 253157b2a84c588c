import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { ConsolidationPage } from './ConsolidationPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { OverviewWidget } from './OverviewWidget.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import './i18n.ts';

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
