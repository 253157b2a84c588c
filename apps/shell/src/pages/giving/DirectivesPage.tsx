import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Space, Table, Tag, Typography } from 'antd';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { DIRECTIVE_STATE_LABELS, type DirectiveState } from '@dondoc/core';
import { errorMessage, ErrorPanel, formatDate, Section, useDocumentTitle, useLocale, useT } from '@dondoc/ui';
import { core, type DirectiveItem } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { LinkButton } from '../../core/ui.tsx';
import { attachDirectiveFile, DEFAULT_ISSUER, DirectiveFields, DirectiveFilePicker, directiveInput, type DirectiveValues } from './DirectiveForm.tsx';
import './giving.css';

const STATE_COLORS: Record<DirectiveState, string> = { draft: '#4b5563', issued: '#237804' };

/** A directive's state: "Dự thảo" / "Đã ban hành". */
export function DirectiveStateTag({ state }: { state: string }) {
  const { locale } = useLocale();
  const known = state === 'draft' || state === 'issued';
  return (
    <Tag color={known ? STATE_COLORS[state] : '#4b5563'} className="dondoc-tag">
      {known ? DIRECTIVE_STATE_LABELS[state][locale] : state}
    </Tag>
  );
}

/** `/giao-nhiem-vu`: the directives (drafts first, then the newest issued) and the form that creates one. */
export function DirectivesPage() {
  const t = useT('shell');
  useDocumentTitle(t('giving.title'));
  const directives = useQuery({ queryKey: coreKeys.directives, queryFn: () => core.directives.list.query() });
  const rows = useMemo(
    () =>
      [...(directives.data ?? [])].sort((a, b) =>
        a.state !== b.state ? (a.state === 'draft' ? -1 : 1) : b.issuedOn.localeCompare(a.issuedOn) || a.number.localeCompare(b.number),
      ),
    [directives.data],
  );
  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('giving.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('giving.intro')}</Typography.Paragraph>
      <Section
        title={t('giving.listTitle', { count: rows.length })}
        extra={
          <Space wrap>
            <LinkButton to="/giao-nhiem-vu/nhap-van-ban" icon={<FileSearchOutlined aria-hidden />}>
              {t('giving.import.button')}
            </LinkButton>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} href="#tao-van-ban" onClick={focusCreateForm}>
              {t('giving.createTitle')}
            </Button>
          </Space>
        }
      >
        {directives.isError ? (
          <ErrorPanel headingLevel={3} title={t('giving.listFailed')} error={directives.error} onRetry={() => void directives.refetch()} />
        ) : (
          <Table<DirectiveItem>
            size="small"
            rowKey="id"
            loading={directives.isPending}
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: t('giving.none') }}
            scroll={{ x: 800 }}
            columns={[
              {
                title: t('giving.number'),
                dataIndex: 'number',
                width: 190,
                render: (number: string, row) => <Link to={`/giao-nhiem-vu/${row.id}`}>{number}</Link>,
              },
              { title: t('giving.issuedOn'), dataIndex: 'issuedOn', width: 120, render: (date: string) => formatDate(date) },
              { title: t('giving.subject'), dataIndex: 'subject' },
              { title: t('giving.issuer'), dataIndex: 'issuer', width: 220 },
              { title: t('giving.state'), dataIndex: 'state', width: 130, render: (state: string) => <DirectiveStateTag state={state} /> },
            ]}
          />
        )}
      </Section>
      <CreateDirective />
    </div>
  );
}

function focusCreateForm(event: MouseEvent) {
  event.preventDefault();
  const target = document.getElementById('tao-van-ban');
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  document.getElementById('create-directive_number')?.focus({ preventScroll: true });
}

/** "Tạo văn bản chỉ đạo": a draft directive, then (if one was chosen) its file; then its editor. */
function CreateDirective() {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DirectiveValues>();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [phase, setPhase] = useState<{ fraction: number; filename: string } | null>(null);
  // With a file the text may stay empty (and without one it must not): check again when shown wrong.
  useEffect(() => {
    if (form.getFieldError('fullText').length > 0) void form.validateFields(['fullText']).catch(() => undefined);
  }, [file, form]);
  const create = useMutation({
    mutationFn: async (values: DirectiveValues) => {
      const created = await core.directives.create.mutate(directiveInput(values));
      let attachError: string | null = null;
      if (file) {
        try {
          setPhase({ fraction: 0, filename: file.name });
          await attachDirectiveFile(created.id, file, (fraction) => setPhase({ fraction, filename: file.name }));
        } catch (error) {
          attachError = t('directiveForm.attachFailed', { name: file.name, reason: errorMessage(error) });
        } finally {
          setPhase(null);
        }
      }
      return { created, attachError };
    },
    onSuccess: ({ created, attachError }) => {
      void message.success(t('giving.created', { number: created.number }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
      navigate(`/giao-nhiem-vu/${created.id}`, { state: attachError ? { attachError } : null });
    },
  });
  return (
    <div id="tao-van-ban" tabIndex={-1}>
      <Section title={t('giving.createTitle')}>
        <Typography.Paragraph type="secondary">{t('giving.createHelp')}</Typography.Paragraph>
        <Form<DirectiveValues>
          form={form}
          name="create-directive"
          layout="vertical"
          initialValues={{ number: '', issuedOn: null, issuer: DEFAULT_ISSUER, subject: '', signer: '', fullText: '' }}
          onFinish={(values) => create.mutate(values)}
          disabled={create.isPending}
          scrollToFirstError
        >
          {create.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(create.error)} /> : null}
          <DirectiveFields hasFile={file !== null} />
          <DirectiveFilePicker
            chosen={file}
            existing={null}
            onChoose={setFile}
            phase={phase}
            problem={problem}
            onProblem={setProblem}
          />
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('giving.create')}
          </Button>
        </Form>
      </Section>
    </div>
  );
}
