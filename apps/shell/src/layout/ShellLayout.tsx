import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { App as AntApp, Button, Layout } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage, useSession, useT } from '@dondoc/ui';
import { coreRoutes } from '../routes.tsx';
import { ModulePage } from '../modules/ModulePage.tsx';
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
          className="dondoc-sider"
        >
          <nav id="dondoc-side-nav" aria-label={t('layout.mainNav')} hidden={collapsed}>
            <SideNav />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} className="dondoc-content">
          <Routes>
            {coreRoutes.map(({ path, Component }) => (
              <Route key={path} path={path} element={<Component />} />
            ))}
            <Route path="/m/:pluginId/*" element={<ModulePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
