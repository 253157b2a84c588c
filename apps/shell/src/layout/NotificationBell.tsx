import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { ErrorPanel, formatDateTime, PersonName, useT } from '@dondoc/ui';
import { core, type NotificationItem } from '../core/client.ts';
import { perm, useAccess } from '../core/access.ts';
import { coreKeys } from '../core/keys.ts';
import { Loading } from '../components/Loading.tsx';
import { useDocumentTitle } from '../core/ui.tsx';

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

/** Only same-site paths are followed (links are written by the server, but never trust a stored link). */
function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The list of notifications, with "mark read" and links to the task or report; used by the bell and `/thong-bao`. */
export function NotificationList({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT('shell');
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  if (notifications.isPending) return <Loading text={t('common.loading')} />;
  if (notifications.isError) {
    return <ErrorPanel headingLevel={2} title={t('notif.loadFailed')} error={notifications.error} onRetry={() => void notifications.refetch()} />;
  }
  const unread = notifications.data.filter((n) => !n.read);
  const open = async (item: NotificationItem) => {
    const link = safeLink(item.link);
    if (!item.read) markRead.mutate([item.id]);
    onNavigate?.();
    if (link) navigate(link);
  };
  return (
    <div className="dondoc-notifications">
      {unread.length > 0 ? (
        <Button size="small" onClick={() => markRead.mutate(unread.map((n) => n.id))} loading={markRead.isPending} className="dondoc-gap">
          {t('notif.markAllRead')}
        </Button>
      ) : null}
      {notifications.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.none')} />
      ) : (
        <List
          dataSource={notifications.data}
          renderItem={(item) => (
            <List.Item className={item.read ? 'dondoc-notification' : 'dondoc-notification dondoc-notification-unread'}>
              <div className="dondoc-notification-body">
                <div className="dondoc-notification-title">
                  {!item.read ? <span className="dondoc-unread-dot" aria-hidden /> : null}
                  {safeLink(item.link) ? (
                    <Link
                      to={safeLink(item.link)!}
                      onClick={(event) => {
                        event.preventDefault();
                        void open(item);
                      }}
                    >
                      {item.title}
                    </Link>
                  ) : (
                    <span>{item.title}</span>
                  )}
                  {!item.read ? <span className="dondoc-visually-hidden"> ({t('notif.unread')})</span> : null}
                </div>
                {item.body ? <Typography.Paragraph className="dondoc-notification-text">{item.body}</Typography.Paragraph> : null}
                <Space size="small" wrap>
                  {item.actor ? <PersonName person={item.actor} className="dondoc-notification-actor" /> : null}
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                  {!item.read ? (
                    <Button size="small" type="link" onClick={() => markRead.mutate([item.id])} aria-label={t('notif.markReadFor', { title: item.title })}>
                      {t('notif.markRead')}
                    </Button>
                  ) : null}
                </Space>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** The bell in the header: unread count, and the list in a side panel. */
export function NotificationBell() {
  const t = useT('shell');
  const access = useAccess();
  const [open, setOpen] = useState(false);
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
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={<h2 className="dondoc-drawer-title">{t('notif.title')}</h2>}
        size={420}
        footer={
          <Link to="/thong-bao" onClick={() => setOpen(false)}>
            {t('notif.seeAll')}
          </Link>
        }
      >
        {open ? <NotificationList onNavigate={() => setOpen(false)} /> : null}
      </Drawer>
    </>
  );
}

/** `/thong-bao`: every notification of the unit. */
export function NotificationsPage() {
  const t = useT('shell');
  useDocumentTitle(t('notif.title'));
  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('notif.title')}</Typography.Title>
      <NotificationList />
    </div>
  );
}
