import { Space, Tag, Typography } from 'antd';
import { formatNumber, useLocale, useT } from '@dondoc/ui';
import type { TargetDetail } from '../../core/client.ts';
import { measureValue } from './TargetsPage.tsx';

type Measurement = TargetDetail['measurements'][number];

/**
 * A measurement's value as the target page lists it: beside a share its numerator and
 * denominator ("16/600"), and a "Tạm tính" tag with its basis ("đã duyệt 4/17 đơn vị chủ
 * quản") while the module that computed it says it may still change.
 */
export function MeasurementValue({ measurement, unit }: { measurement: Measurement; unit: string }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { numerator, denominator, provisional, basis } = measurement;
  const ratio = numerator !== null && denominator !== null ? `${formatNumber(numerator, locale)}/${formatNumber(denominator, locale)}` : null;
  return (
    <Space size={4} wrap>
      <span>{measureValue(measurement.value, unit, locale)}</span>
      {ratio ? <Typography.Text type="secondary">({ratio})</Typography.Text> : null}
      {provisional ? (
        <Tag color="#ad4e00" className="dondoc-tag" data-testid="measurement-provisional">
          {t('target.provisional')}
        </Tag>
      ) : null}
      {provisional && basis ? <Typography.Text type="secondary">{basis}</Typography.Text> : null}
    </Space>
  );
}
