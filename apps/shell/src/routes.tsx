import { lazy, type ComponentType, type ReactNode } from 'react';
import { AppstoreOutlined, AuditOutlined, FileTextOutlined, HomeOutlined, LineChartOutlined, TrophyOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { BellOutlined, ScheduleOutlined } from '@ant-design/icons';
import { FileAddOutlined } from '@ant-design/icons';
import { HomePage } from './pages/HomePage.tsx';
import { perm } from './core/access.ts';

// The core pages load as their own chunks on first visit, so the first page stays light.
const NotificationsPage = lazy(() => import('./layout/NotificationList.tsx').then((m) => ({ default: m.NotificationsPage })));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage.tsx').then((m) => ({ default: m.TasksPage })));
const TaskDetailPage = lazy(() => import('./pages/tasks/TaskDetailPage.tsx').then((m) => ({ default: m.TaskDetailPage })));
const TargetsPage = lazy(() => import('./pages/targets/TargetsPage.tsx').then((m) => ({ default: m.TargetsPage })));
const TargetDetailPage = lazy(() => import('./pages/targets/TargetDetailPage.tsx').then((m) => ({ default: m.TargetDetailPage })));
const ReportPage = lazy(() => import('./pages/reports/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const ReportStatusPage = lazy(() => import('./pages/reports/ReportStatusPage.tsx').then((m) => ({ default: m.ReportStatusPage })));
const CoordinationPage = lazy(() => import('./pages/coordination/CoordinationPage.tsx').then((m) => ({ default: m.CoordinationPage })));
const DirectivesPage = lazy(() => import('./pages/giving/DirectivesPage.tsx').then((m) => ({ default: m.DirectivesPage })));
const DirectivePage = lazy(() => import('./pages/giving/DirectivePage.tsx').then((m) => ({ default: m.DirectivePage })));
const DirectiveImportPage = lazy(() => import('./pages/giving/DirectiveImportPage.tsx').then((m) => ({ default: m.DirectiveImportPage })));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })));
const ScorecardsPage = lazy(() => import('./pages/scorecards/ScorecardsPage.tsx').then((m) => ({ default: m.ScorecardsPage })));
const ScorecardPage = lazy(() => import('./pages/scorecards/ScorecardPage.tsx').then((m) => ({ default: m.ScorecardPage })));
const BriefingPage = lazy(() => import('./pages/briefing/BriefingPage.tsx').then((m) => ({ default: m.BriefingPage })));

/**
 * The shell's own pages, inside the signed-in layout. THE seam for the core pages (tasks,
 * targets, reports…): add an entry here and it gets its route, and a side-menu item when it
 * has `nav`. Module pages live under `/m/<id>/` and are not listed here.
 */
export interface CoreRoute {
  /** Absolute path, e.g. `/` or `/nhiem-vu/:id`. */
  path: string;
  Component: ComponentType;
  /** Shown in the side menu under this label key (namespace `shell`), linking to `navPath ?? path`. */
  /** `unitLabelKey`: the label for a user who sees their own unit only (not every unit). */
  nav?: { labelKey: string; unitLabelKey?: string; icon?: ReactNode; navPath?: string };
  /**
   * The page (and its menu item) is for users holding at least one of these permission keys
   * (`useSession().user.permissions`); others get a clear "not allowed" panel and no menu item.
   */
  anyOf?: readonly string[];
}

export const coreRoutes: CoreRoute[] = [
  { path: '/', Component: HomePage, nav: { labelKey: 'nav.home', icon: <HomeOutlined /> } },
  { path: '/tong-quan', Component: OverviewPage, nav: { labelKey: 'nav.cityOverview', unitLabelKey: 'nav.unitOverview', icon: <AppstoreOutlined /> }, anyOf: [perm.overviewRead] },
  { path: '/nhiem-vu', Component: TasksPage, nav: { labelKey: 'nav.tasks', icon: <UnorderedListOutlined /> }, anyOf: [perm.tasksRead] },
  { path: '/nhiem-vu/:id', Component: TaskDetailPage, anyOf: [perm.tasksRead] },
  { path: '/chi-tieu', Component: TargetsPage, nav: { labelKey: 'nav.targets', icon: <LineChartOutlined /> }, anyOf: [perm.targetsRead] },
  { path: '/chi-tieu/:code', Component: TargetDetailPage, anyOf: [perm.targetsRead] },
  { path: '/chi-so', Component: ScorecardsPage, nav: { labelKey: 'scorecards.nav', icon: <TrophyOutlined /> }, anyOf: [perm.scorecardsRead] },
  { path: '/chi-so/:id', Component: ScorecardPage, anyOf: [perm.scorecardsRead] },
  { path: '/bao-cao', Component: ReportPage, nav: { labelKey: 'nav.reports', icon: <FileTextOutlined /> }, anyOf: [perm.reportsRead] },
  {
    path: '/bao-cao/tinh-hinh',
    Component: ReportStatusPage,
    nav: { labelKey: 'followUp.nav', icon: <BellOutlined /> },
    anyOf: [perm.reportsReview],
  },
  {
    path: '/dieu-phoi',
    Component: CoordinationPage,
    nav: { labelKey: 'nav.coordination', icon: <AuditOutlined /> },
    anyOf: [perm.reportsReview, perm.escalationsRespond],
  },
  { path: '/giao-ban', Component: BriefingPage, nav: { labelKey: 'nav.briefing', icon: <ScheduleOutlined /> }, anyOf: [perm.reportsReview] },
  { path: '/giao-nhiem-vu', Component: DirectivesPage, nav: { labelKey: 'giving.nav', icon: <FileAddOutlined /> }, anyOf: [perm.directivesWrite] },
  { path: '/giao-nhiem-vu/nhap-van-ban', Component: DirectiveImportPage, anyOf: [perm.directivesWrite] },
  { path: '/giao-nhiem-vu/:id', Component: DirectivePage, anyOf: [perm.directivesWrite] },
  { path: '/thong-bao', Component: NotificationsPage, anyOf: [perm.notificationsRead] },
];

/** Where the sign-in page lives (outside the layout). */
export const signInPath = '/dang-nhap';

/** The path of a module's pages: `/m/<id>/…`. */
export function modulePath(id: string, subPath = ''): string {
  return `/m/${id}/${subPath.replace(/^\/+/, '')}`;
}
