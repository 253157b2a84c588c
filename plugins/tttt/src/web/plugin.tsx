import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { ContentsPage } from './ContentsPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { OverviewWidget } from './OverviewWidget.tsx';
import { PlanPage } from './PlanPage.tsx';
import { PlansPage } from './PlansPage.tsx';
import { SystemPage } from './SystemPage.tsx';
import './i18n.ts';

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
