import React, { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, createModuleClient, errorMessage, ErrorPanel, Form, formatDate, Input, Typography, useT } from '@dondoc/ui';
import { List } from '@dondoc/ui/panels';
import type { FixtureRouter } from '../server/router.ts';
import './i18n.ts';

const client = createModuleClient<FixtureRouter>('fixture');
const itemsKey = ['fixture', 'items'] as const;

/** The fixture module's one page: its items (`fixture.list`) and a form calling `fixture.add`. */
export function ItemsPage() {
  const t = useT('fixture');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ title: string }>();
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('title')} — dondoc`;
  }, [t]);

  const items = useQuery({ queryKey: itemsKey, queryFn: () => client.list.query() });
  const add = useMutation({
    mutationFn: (title: string) => client.add.mutate({ title }),
    onSuccess: (item) => {
      setAdded(item.title);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <p data-testid="same-react" hidden>
        {String((globalThis as { __DONDOC_REACT__?: unknown }).__DONDOC_REACT__ === React)}
      </p>

      <Card title={<h2 className="fixture-card-title">{t('add')}</h2>} style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="fixture-add"
          layout="inline"
          onFinish={({ title }) => {
            setAdded(null);
            add.mutate(title);
          }}
        >
          <Form.Item label={t('itemTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}>
            <Input maxLength={200} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('add')}
            </Button>
          </Form.Item>
        </Form>
        {add.isError ? (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={t('addFailed')}
            description={errorMessage(add.error)}
            style={{ marginTop: 16 }}
          />
        ) : null}
        {added ? <Alert role="status" type="success" showIcon title={t('added', { title: added })} style={{ marginTop: 16 }} /> : null}
      </Card>

      <Card title={<h2 className="fixture-card-title">{t('list')}</h2>}>
        {items.isError ? (
          <ErrorPanel title={t('loadFailed')} error={items.error} onRetry={() => void items.refetch()} />
        ) : (
          <List
            loading={items.isPending}
            dataSource={items.data ?? []}
            locale={{ emptyText: t('empty') }}
            renderItem={(item) => (
              <List.Item key={item.id} data-testid="fixture-item">
                <div>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">
                    {t('createdBy', { user: item.createdBy, unit: item.unitCode, date: formatDate(item.createdAt) })}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
