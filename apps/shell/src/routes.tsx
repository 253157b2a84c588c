import type { ComponentType, ReactNode } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import { HomePage } from './pages/HomePage.tsx';

/**
 * The shell's own pages, inside the signed-in layout. THE seam for the core pages (tasks,
 * targets, reports…): add an entry here and it gets its route, and a side-menu item when it
 * has `nav`. Module pages live under `/m/<id>/` and are not listed here.
 */
export interface CoreRoute {
  /** Absolute path, e.g. `/` or `/nhiem-vu/*`. */
  path: string;
  Component: ComponentType;
  /** Shown in the side menu under this label key (namespace `shell`), linking to `navPath ?? path`. */
  nav?: { labelKey: string; icon?: ReactNode; navPath?: string };
}

export const coreRoutes: CoreRoute[] = [
  { path: '/', Component: HomePage, nav: { labelKey: 'nav.home', icon: <HomeOutlined /> } },
];

/** Where the sign-in page lives (outside the layout). */
export const signInPath = '/dang-nhap';

/** The path of a module's pages: `/m/<id>/…`. */
export function modulePath(id: string, subPath = ''): string {
  return `/m/${id}/${subPath.replace(/^\/+/, '')}`;
}
