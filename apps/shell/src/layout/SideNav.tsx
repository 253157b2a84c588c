import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Menu, type MenuProps } from 'antd';
import { AppstoreOutlined, WarningOutlined } from '@ant-design/icons';
import { localized, useLocale, useSession, useT } from '@dondoc/ui';
import { coreRoutes, modulePath } from '../routes.tsx';
import { pluginUIQuery, prefetchPluginUI } from '../modules/federation.ts';
import { perm, useAccess } from '../core/access.ts';
import { core } from '../core/client.ts';
import { coreKeys } from '../core/keys.ts';

type MenuItem = Required<MenuProps>['items'][number];

const COORDINATION_PATH = '/dieu-phoi';

/**
 * What waits for the coordinator on `/dieu-phoi` (reports to review, escalations to answer,
 * extensions to decide), for the menu's badge: 0 for anyone else. Refreshed every minute and
 * after every change (its key is under `['core']`).
 */
function useCoordinationWaiting(): number {
  const access = useAccess();
  const query = useQuery({
    queryKey: coreKeys.waiting,
    queryFn: () => core.coordination.waiting.query(),
    enabled: access.can(perm.reportsReview),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
  return query.data?.total ?? 0;
}

/** The key of a module's submenu (not a page). */
const groupKey = (id: string) => `module:${id}`;

/**
 * The side menu: the core pages, then one entry per module. A module's own nav items appear
 * under its name once its code has loaded (on the first visit of its pages).
 */
export function SideNav() {
  const t = useT('shell');
  const { locale } = useLocale();
  const { plugins } = useSession();
  const access = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  // Subscribe to the modules' UI definitions without loading them: the module page loads them.
  const definitions = useQueries({
    queries: plugins.map((plugin) => ({ ...pluginUIQuery(plugin), enabled: false })),
  });

  const waiting = useCoordinationWaiting();
  const queryClient = useQueryClient();

  const { items, pageKeys } = useMemo(() => {
    const keys: string[] = [];
    const coreItems: MenuItem[] = coreRoutes
      .filter((route) => route.nav && (!route.anyOf || access.canAny(route.anyOf)))
      .map((route) => {
        const to = route.nav?.navPath ?? route.path;
        keys.push(to);
        const count = to === COORDINATION_PATH ? waiting : 0;
        return {
          key: to,
          icon: route.nav?.icon,
          label: (
            <Link to={to} className={count > 0 ? 'dondoc-nav-with-count' : undefined}>
              {t(!access.seesAllUnits && route.nav!.unitLabelKey ? route.nav!.unitLabelKey : route.nav!.labelKey)}
              {count > 0 ? (
                <>
                  <Badge count={count} size="small" className="dondoc-nav-count" aria-hidden />
                  <span className="dondoc-visually-hidden"> ({t('nav.waiting', { count })})</span>
                </>
              ) : null}
            </Link>
          ),
        };
      });
    const modules: MenuItem[] = plugins.map((plugin, index) => {
      const definition = definitions[index]?.data;
      const home = modulePath(plugin.id);
      const icon = plugin.status === 'ready' ? <AppstoreOutlined /> : <WarningOutlined />;
      // Navigation intent starts the module's downloads: by the click they are under way or done.
      const intent = () => prefetchPluginUI(queryClient, plugin);
      if (!definition || definition.nav.length === 0) {
        keys.push(home);
        return {
          key: home,
          icon,
          label: (
            <Link to={home} onMouseEnter={intent} onFocus={intent} onTouchStart={intent}>
              {plugin.name}
            </Link>
          ),
        };
      }
      // A module's item naming a permission is hidden from users who lack it (same rule as core pages).
      const visible = definition.nav.filter((item) => !item.permission || access.can(item.permission));
      if (visible.length === 0) {
        keys.push(home);
        return { key: home, icon, label: <Link to={home} title={plugin.name}>{plugin.name}</Link> };
      }
      const children = visible.map((item) => {
        const to = modulePath(plugin.id, item.path);
        keys.push(to);
        return { key: to, label: <Link to={to}>{localized(item.label, locale)}</Link> };
      });
      // A plain string: antd wraps it in the title content that ends a long name in an ellipsis (an element it would not).
      return { key: groupKey(plugin.id), icon, label: plugin.name, children };
    });
    const all: MenuItem[] = [...coreItems];
    if (modules.length > 0) all.push({ type: 'group', key: 'modules', label: t('layout.modules'), children: modules });
    return { items: all, pageKeys: keys };
  }, [plugins, definitions, locale, t, access, waiting, queryClient]);

  // The selected item: the longest menu path the current address starts with.
  const selected = useMemo(() => {
    const path = location.pathname.endsWith('/') ? location.pathname : `${location.pathname}/`;
    const match = pageKeys
      .filter((key) => (key === '/' ? location.pathname === '/' : path.startsWith(key.endsWith('/') ? key : `${key}/`)))
      .sort((a, b) => b.length - a.length)[0];
    return match ? [match] : [];
  }, [location.pathname, pageKeys]);

  // Open the submenu of the module being visited.
  const currentModule = /^\/m\/([^/]+)/.exec(location.pathname)?.[1];
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  useEffect(() => {
    if (currentModule) setOpenKeys((keys) => (keys.includes(groupKey(currentModule)) ? keys : [...keys, groupKey(currentModule)]));
  }, [currentModule, items]);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key, domEvent }) => {
        // A click on the link navigates by itself; Enter on the focused item lands here.
        if ((domEvent.target as Element | null)?.closest?.('a')) return;
        if (key.startsWith('/')) navigate(key);
      }}
    />
  );
}
