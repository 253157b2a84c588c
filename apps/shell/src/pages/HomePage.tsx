import { useEffect } from 'react';
import { Link } from 'react-router';
import { Card, Empty, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useSession, useT } from '@dondoc/ui';
import { modulePath } from '../routes.tsx';

/** `/`: greets the user and lists the modules they may open. */
export function HomePage() {
  const t = useT('shell');
  const { user, plugins } = useSession();

  useEffect(() => {
    document.title = `${t('nav.home')} — dondoc`;
  }, [t]);

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('home.greeting', { name: user.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('home.unit', { unit: user.unit?.name ?? t('layout.noUnit') })}
      </Typography.Paragraph>

      <Typography.Title level={2}>{t('home.modulesTitle')}</Typography.Title>
      {plugins.length === 0 ? (
        <Empty description={t('home.noModules')} />
      ) : (
        <ul className="dondoc-module-cards">
          {plugins.map((plugin) => (
            <li key={plugin.id}>
              <Card className="dondoc-module-card" size="small">
                <Typography.Title level={3} className="dondoc-module-card-title">
                  <AppstoreOutlined aria-hidden /> <Link to={modulePath(plugin.id)}>{plugin.name}</Link>
                </Typography.Title>
                <Typography.Paragraph type="secondary" className="dondoc-module-card-meta">
                  {t('home.owner', { unit: plugin.unitCode })} · {t('home.version', { version: plugin.version })}
                </Typography.Paragraph>
                {plugin.status !== 'ready' ? <Tag color="error">{t('home.failed')}</Tag> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
