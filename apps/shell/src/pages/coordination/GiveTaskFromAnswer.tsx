import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { unitsNamedInAnswer } from '@dondoc/core';
import { FormDialog, fromDayjs, typedDateRule, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core, type EscalationItem } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { unitNamer, useUnits, useUnitSelect } from '../giving/units.ts';
import { TaskTextFields } from '../giving/TaskTextFields.tsx';

interface Values {
  number: string;
  issuedOn: Dayjs | null;
  leadUnitCode: string;
  coordinatorUnitCodes: string[];
  title: string;
  content: string;
  deadline: Dayjs | null;
}

/**
 * "Giao nhiệm vụ từ ý kiến trả lời": the coordinator turns the UBND's answer to an escalation
 * into a task in one step (the server gives it through the giving-tasks flow). The units the
 * answer names are chosen to begin with; the coordinator checks them, names the answering
 * document and sets the deadline.
 */
export function GiveTaskFromAnswer({ escalation }: { escalation: EscalationItem }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const units = useUnits();
  const select = useUnitSelect(units.data);
  const suggested = useMemo(() => unitsNamedInAnswer(escalation.response ?? '', units.data ?? []), [escalation.response, units.data]);
  const give = useMutation({
    mutationFn: (values: Values) =>
      core.escalations.giveTask.mutate({
        escalationId: escalation.id,
        number: values.number.trim(),
        issuedOn: fromDayjs(values.issuedOn)!,
        leadUnitCode: values.leadUnitCode,
        coordinatorUnitCodes: values.coordinatorUnitCodes ?? [],
        title: values.title.trim(),
        content: (values.content ?? '').trim(),
        deadline: fromDayjs(values.deadline),
        continuous: false,
      }),
    onSuccess: (given) => {
      setOpen(false);
      void message.success(t('answerTask.given', { code: given.task.code, unit: unitNamer(units.data)(given.task.leadUnitCode) }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
      void navigate(`/nhiem-vu/${given.task.id}`);
    },
  });
  if (!escalation.response || escalation.followUpTask) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('answerTask.open')}</Button>
      <FormDialog<Values>
        open={open}
        name={`give-task-${escalation.id}`}
        title={t('answerTask.title')}
        okText={t('answerTask.give')}
        action={give}
        onSubmit={(values) => give.mutate(values)}
        onClose={() => setOpen(false)}
        initialValues={{
          issuedOn: dayjs(),
          leadUnitCode: suggested.lead ?? undefined,
          coordinatorUnitCodes: suggested.coordinators,
          title: firstSentence(escalation.response),
          content: escalation.response,
        }}
        intro={
          <Typography.Paragraph type="secondary">
            {t('answerTask.intro', { unit: escalation.unit.name, code: escalation.task.code })}
            {suggested.lead ? ` ${t('answerTask.suggested')}` : null}
          </Typography.Paragraph>
        }
      >
        <Form.Item name="number" label={t('answerTask.number')} extra={t('directiveForm.numberHelp')} rules={[{ required: true, whitespace: true, message: t('directiveForm.numberRequired') }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('giving.issuedOn')} rules={[typedDateRule(), { required: true, message: t('directiveForm.issuedOnRequired') }]}>
          <DateField placeholder={t('common.datePlaceholder')} />
        </Form.Item>
        <Form.Item name="leadUnitCode" label={t('answerTask.lead')} rules={[{ required: true, message: t('answerTask.leadRequired') }]}>
          <Select options={select.options} showSearch={select.showSearch} loading={units.isPending} />
        </Form.Item>
        <Form.Item name="coordinatorUnitCodes" label={t('answerTask.coordinators')}>
          <Select mode="multiple" options={select.options} showSearch={select.showSearch} loading={units.isPending} />
        </Form.Item>
        <TaskTextFields />
        <Form.Item name="deadline" label={t('taskForm.deadline')} rules={[typedDateRule(), { required: true, message: t('taskForm.deadlineRequired') }]}>
          <DateField placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </FormDialog>
    </>
  );
}

/** The answer's first sentence, as a starting title (at most 500 characters, the title's limit). */
function firstSentence(text: string): string {
  const sentence = /^[^.!?;\n]+/.exec(text.trim())?.[0] ?? text;
  return sentence.trim().slice(0, 500);
}
