import { Link, useNavigate } from 'react-router';
import { Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { ErrorPanel, formatDateTime, PersonName, useDocumentTitle, useT } from '@dondoc/ui';
import type { NotificationItem } from '../core/client.ts';
import { Loading } from '../components/Loading.tsx';
import { useMarkRead, useNotifications } from './NotificationBell.tsx';

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

/** The bell's side panel: the list, and a link to `/thong-bao`. */
export function NotificationDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT('shell');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={<h2 className="dondoc-drawer-title">{t('notif.title')}</h2>}
      size={420}
      footer={
        <Link to="/thong-bao" onClick={onClose}>
          {t('notif.seeAll')}
        </Link>
      }
    >
      {open ? <NotificationList onNavigate={onClose} /> : null}
    </Drawer>
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
