import { lazy } from 'react';
import { definePluginUI } from '@dondoc/plugin-sdk/web';
import { CataloguePage } from './CataloguePage.tsx';
import { CAN } from './client.ts';
import './i18n.ts';

// The first page comes with the module; the others, and the overview's card, are their own chunks,
// downloaded when opened, with the parts of @dondoc/ui they import (the date picker, the panels …).
const DelegationsPage = lazy(() => import('./DelegationsPage.tsx').then((m) => ({ default: m.DelegationsPage })));
const ImportPage = lazy(() => import('./ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const OneStopShopPage = lazy(() => import('./OneStopShopPage.tsx').then((m) => ({ default: m.OneStopShopPage })));
const OverviewWidget = lazy(() => import('./OverviewWidget.tsx').then((m) => ({ default: m.OverviewWidget })));
const PlansPage = lazy(() => import('./PlansPage.tsx').then((m) => ({ default: m.PlansPage })));

/** The module's web side, exposed as `./plugin` and mounted by the shell under `/m/van-phong/`. */
export default definePluginUI({
  id: 'van-phong',
  routes: [
    { path: '', Component: CataloguePage },
    { path: 'phuong-an', Component: PlansPage },
    { path: 'uy-quyen', Component: DelegationsPage },
    { path: 'mot-cua', Component: OneStopShopPage },
    { path: 'nhap-tu-tep', Component: ImportPage },
  ],
  nav: [
    { path: '', label: { vi: 'Danh mục TTHC', en: 'Procedure catalogue' }, permission: CAN.read },
    { path: 'phuong-an', label: { vi: 'Cắt giảm, đơn giản hóa', en: 'Simplification' }, permission: CAN.read },
    { path: 'uy-quyen', label: { vi: 'Ủy quyền giải quyết TTHC', en: 'Delegations' }, permission: CAN.read },
    { path: 'mot-cua', label: { vi: 'Mô hình một cửa', en: 'One-stop shop' }, permission: CAN.read },
    { path: 'nhap-tu-tep', label: { vi: 'Nhập danh mục từ tệp', en: 'Import the catalogue' }, permission: CAN.proceduresWrite },
  ],
  overviewWidget: OverviewWidget,
});
