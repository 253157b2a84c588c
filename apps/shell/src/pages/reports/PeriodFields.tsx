import { Form, Select } from 'antd';
import { CADENCES, type Cadence, type Period } from '@dondoc/core';
import { useT } from '@dondoc/ui';
import { useLabels } from '../../core/labels.ts';
import { currentPeriod, periodChoices } from '../../core/periods.ts';

/** "Loại kỳ" and "Kỳ báo cáo" of a report page (inside a `Form`): a new cadence starts at its current period. */
export function PeriodFields({ period, onChange, idPrefix = 'report' }: { period: Period; onChange: (periodId: string) => void; idPrefix?: string }) {
  const t = useT('shell');
  const labels = useLabels();
  return (
    <>
      <Form.Item label={t('report.cadence')} htmlFor={`${idPrefix}-cadence`}>
        <Select<Cadence>
          id={`${idPrefix}-cadence`}
          value={period.cadence}
          onChange={(cadence) => onChange(currentPeriod(cadence).id)}
          options={CADENCES.map((cadence) => ({ value: cadence, label: labels.cadence(cadence) }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
      <Form.Item label={t('report.period')} htmlFor={`${idPrefix}-period`}>
        <Select<string>
          id={`${idPrefix}-period`}
          value={period.id}
          onChange={onChange}
          options={periodChoices(period.cadence, period).map((p) => ({
            value: p.id,
            label: p.id === currentPeriod(p.cadence).id ? `${labels.text(p.label)} (${t('report.currentPeriod')})` : labels.text(p.label),
          }))}
          popupMatchSelectWidth={false}
        />
      </Form.Item>
    </>
  );
}
