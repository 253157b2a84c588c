import { Suspense, useEffect, useRef, useState, type ComponentType } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, Button, Layout } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { ErrorPanel, errorMessage, useSession, useT } from '@dondoc/ui';
import { coreRoutes } from '../routes.tsx';
import { useAccess } from '../core/access.ts';
import { Loading } from '../components/Loading.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { ModulePage } from '../modules/ModulePage.tsx';
import { ModuleErrorBoundary } from '../modules/ModuleErrorBoundary.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SideNav } from './SideNav.tsx';

/** The signed-in frame: header (portal, user, language, sign out), side menu, and the page. */
export function ShellLayout() {
  const t = useT('shell');
  const tc = useT();
  const { user, signOut } = useSession();
  const { message } = AntApp.useApp();
  const [signingOut, setSigningOut] = useState(false);
  // Below the lg breakpoint the side menu folds away behind a (keyboard-usable) header button.
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();
  useFocusHeadingOnNavigation(pathname);
  // On a phone the menu lies over the page: it closes when a page is chosen, and on Escape.
  useEffect(() => {
    if (narrow) setCollapsed(true);
  }, [pathname, narrow]);
  useEffect(() => {
    if (!narrow || collapsed) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCollapsed(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [narrow, collapsed]);

  return (
    <Layout className="dondoc-shell">
      <a className="dondoc-skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header className="dondoc-header">
        <div className="dondoc-header-start">
          {narrow ? (
            <Button
              type="text"
              className="dondoc-nav-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('layout.openNav') : t('layout.closeNav')}
              aria-expanded={!collapsed}
              aria-controls="dondoc-side-nav"
              onClick={() => setCollapsed((value) => !value)}
            />
          ) : null}
          <Link to="/" className="dondoc-brand">
            {tc('portal.name')}
          </Link>
        </div>
        <div className="dondoc-header-tools">
          <NotificationBell />
          <div className="dondoc-user">
            <UserOutlined aria-hidden />
            <span className="dondoc-user-name">{user.displayName}</span>
            <span className="dondoc-user-unit">{user.unit?.name ?? t('layout.noUnit')}</span>
          </div>
          <LanguageSwitch />
          <Button
            icon={<LogoutOutlined />}
            loading={signingOut}
            onClick={async () => {
              setSigningOut(true);
              try {
                await signOut();
              } catch (error) {
                void message.error(`${t('layout.signOutFailed')}: ${errorMessage(error)}`);
              } finally {
                setSigningOut(false);
              }
            }}
          >
            {t('layout.signOut')}
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={260}
          breakpoint="lg"
          collapsedWidth={0}
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setNarrow(broken);
            setCollapsed(broken);
          }}
          theme="light"
          className={narrow ? 'dondoc-sider dondoc-sider-overlay' : 'dondoc-sider'}
        >
          <nav id="dondoc-side-nav" aria-label={t('layout.mainNav')} hidden={collapsed}>
            <SideNav />
          </nav>
        </Layout.Sider>
        {narrow && !collapsed ? <div className="dondoc-sider-backdrop" aria-hidden onClick={() => setCollapsed(true)} /> : null}
        <Layout.Content id="main" tabIndex={-1} className="dondoc-content">
          <Routes>
            {coreRoutes.map(({ path, Component, anyOf }) => (
              <Route key={path} path={path} element={<CorePage Component={Component} anyOf={anyOf} />} />
            ))}
            <Route path="/m/:pluginId/*" element={<ModulePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * After a move to another page (a menu entry, a link), focus goes to the new page's heading, so
 * that a screen reader reads where the user is and Tab starts from the page, not the menu. Not on
 * the first page shown (the browser starts at the top). The heading may come a moment later (a
 * page loaded on first visit, its data): it is waited for, up to a few seconds.
 */
function useFocusHeadingOnNavigation(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    const timer = window.setInterval(() => {
      const heading = document.querySelector<HTMLElement>('#main h1');
      if (heading || ++tries > 50) {
        window.clearInterval(timer);
        if (heading) {
          if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
          heading.focus({ preventScroll: false });
        }
      }
    }, 60);
    return () => window.clearInterval(timer);
  }, [pathname]);
}

/**
 * A core page: shown to users holding one of its permissions, loaded on first visit. A page that
 * fails shows an error panel in the layout (the menu stays usable); its chunk failing to load
 * (a page opened before an upgrade) reloads the page once.
 */
function CorePage({ Component, anyOf }: { Component: ComponentType; anyOf?: readonly string[] | undefined }) {
  const t = useT('shell');
  const tc = useT();
  const access = useAccess();
  const location = useLocation();
  if (anyOf && !access.canAny(anyOf)) {
    return <ErrorPanel headingLevel={1} title={t('access.deniedTitle')} error={t('access.denied')} />;
  }
  return (
    <ModuleErrorBoundary
      resetKey={location.pathname}
      reloading={<Loading text={t('page.reloading')} />}
      fallback={(error, reset) => (
        <ErrorPanel headingLevel={1} title={t('page.failedTitle')} error={t('page.failed', { message: error instanceof Error ? error.message : String(error) })} onRetry={reset} />
      )}
    >
      <Suspense fallback={<Loading text={tc('common.loading')} />}>
        <Component />
      </Suspense>
    </ModuleErrorBoundary>
  );
}
