import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Space } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorMessage, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';

export interface ReviewedReport {
  id: string;
  version: number;
  unitName: string;
  periodName: string;
}

/** "Tiếp nhận" / "Trả lại" (with a required reason) of a submitted report, for `core.reports:review`. */
export function ReviewActions({ report, size }: { report: ReviewedReport; size?: 'small' | 'middle' }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const review = useMutation({
    mutationFn: (input: { decision: 'accept' | 'return'; reason?: string }) =>
      core.reports.review.mutate({ id: report.id, version: report.version, ...input }),
    onSuccess: (result) => {
      setReturning(false);
      void message.success(
        result.state === 'accepted'
          ? t('review.accepted', { unit: report.unitName, period: report.periodName })
          : t('review.returned', { unit: report.unitName, period: report.periodName }),
      );
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: (error) => {
      if (!returning) void message.error(errorMessage(error));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  return (
    <>
      <Space wrap>
        <Button
          type="primary"
          size={size}
          icon={<CheckOutlined aria-hidden />}
          loading={review.isPending && review.variables?.decision === 'accept'}
          onClick={() => review.mutate({ decision: 'accept' })}
          aria-label={t('review.acceptFor', { unit: report.unitName, period: report.periodName })}
        >
          {t('review.accept')}
        </Button>
        <Button
          size={size}
          className="dondoc-danger-outline"
          icon={<RollbackOutlined aria-hidden />}
          onClick={() => {
            review.reset();
            setReturning(true);
          }}
          aria-label={t('review.returnFor', { unit: report.unitName, period: report.periodName })}
        >
          {t('review.return')}
        </Button>
      </Space>
      {returning ? (
        <ReturnDialog
          title={t('review.returnTitle', { unit: report.unitName, period: report.periodName })}
          pending={review.isPending}
          error={review.isError ? errorMessage(review.error) : null}
          onCancel={() => setReturning(false)}
          onSubmit={(reason) => review.mutate({ decision: 'return', reason })}
        />
      ) : null}
    </>
  );
}

/** A dialog asking why a report goes back (a required text up to 2000 characters): the coordinator's return, the lead's return to the officer. */
export function ReturnDialog({
  title,
  pending,
  error,
  onCancel,
  onSubmit,
  okText,
  label,
  requiredMessage,
}: {
  title: string;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
  okText?: string;
  label?: string;
  requiredMessage?: string;
}) {
  const t = useT('shell');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('review.return')}
      okButtonProps={{ className: 'dondoc-danger-solid' }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      {error ? <Alert type="error" showIcon title={error} className="dondoc-gap" /> : null}
      <Form form={form} name="return-report" layout="vertical" onFinish={(values) => onSubmit(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={label ?? t('review.reason')}
          rules={[
            { required: true, whitespace: true, message: requiredMessage ?? t('review.reasonRequired') },
            { max: 2000, message: t('common.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
