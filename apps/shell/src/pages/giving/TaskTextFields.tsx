import { Form, Input } from 'antd';
import { useT } from '@dondoc/ui';

/** A task's title and content, as the draft form and the adjustment of an issued task both ask for them (same limits as the server). */
export function TaskTextFields() {
  const t = useT('shell');
  return (
    <>
      <Form.Item
        name="title"
        label={t('taskForm.title')}
        rules={[
          { required: true, whitespace: true, message: t('taskForm.titleRequired') },
          { max: 500, message: t('common.tooLong', { max: 500 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="content" label={t('taskForm.content')} rules={[{ max: 20_000, message: t('common.tooLong', { max: 20_000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
      </Form.Item>
    </>
  );
}
