import { lazy, Suspense, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '@dondoc/ui';
import { core } from '../core/client.ts';
import { perm, useAccess } from '../core/access.ts';
import { coreKeys } from '../core/keys.ts';

// The side panel with the list (antd's Drawer and List) is downloaded when the bell is pointed at,
// focused or first opened, not with every page.
const loadNotificationList = () => import('./NotificationList.tsx');
const NotificationDrawer = lazy(() => loadNotificationList().then((m) => ({ default: m.NotificationDrawer })));

/** The unit's notifications (reminders, reviewed reports, answered escalations; for coordinators, what waits for them), refreshed every minute. */
export function useNotifications() {
  const access = useAccess();
  return useQuery({
    queryKey: coreKeys.notifications,
    queryFn: () => core.notifications.list.query({ unreadOnly: false }),
    enabled: access.can(perm.notificationsRead),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => core.notifications.markRead.mutate({ ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coreKeys.notifications }),
  });
}

/** The bell in the header: unread count, and the list in a side panel. */
export function NotificationBell() {
  const t = useT('shell');
  const access = useAccess();
  const [open, setOpen] = useState(false);
  // Once opened, the panel stays mounted, so that closing it plays its animation.
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  if (!access.can(perm.notificationsRead)) return null;
  const unread = notifications.data?.filter((n) => !n.read).length ?? 0;
  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]} className="dondoc-bell-badge">
        <Button
          type="text"
          className="dondoc-bell"
          icon={<BellOutlined aria-hidden />}
          aria-label={unread > 0 ? t('notif.bellUnread', { count: unread }) : t('notif.bell')}
          aria-haspopup="dialog"
          onPointerEnter={() => void loadNotificationList()}
          onFocus={() => void loadNotificationList()}
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
        />
      </Badge>
      {opened ? (
        <Suspense fallback={null}>
          <NotificationDrawer open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
