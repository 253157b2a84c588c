import { useNavigate } from 'react-router';
import { Button, Result } from 'antd';
import { useT } from '@dondoc/ui';

export function NotFoundPage() {
  const t = useT('shell');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 className="dondoc-result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
