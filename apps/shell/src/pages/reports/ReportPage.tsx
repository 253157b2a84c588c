import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Select, Typography } from 'antd';
import { isPeriodId, periodById } from '@dondoc/core';
import { ErrorPanel, useAccess, useDocumentTitle, useSession, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { currentPeriod } from '../../core/periods.ts';
import { Loading } from '../../components/Loading.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import { PeriodFields } from './PeriodFields.tsx';
import { useUnitDirectory } from '../giving/units.ts';

const UNIT_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * `/bao-cao`: a unit's periodic report. Cadence and period are chosen here (the current
 * quarter by default, by data window); the unit is the user's own, or, for coordinators, the
 * one in `?don-vi=`.
 */
export function ReportPage() {
  const t = useT('shell');
  const access = useAccess();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('report.title'));

  const periodParam = params.get('ky');
  const period = useMemo(() => (isPeriodId(periodParam) ? periodById(periodParam) : currentPeriod('quarter')), [periodParam]);
  const unitParam = params.get('don-vi');
  const unitCode =
    unitParam && UNIT_CODE.test(unitParam) && (access.seesAllUnits || unitParam === access.unitCode) ? unitParam : access.unitCode;

  const units = useUnitDirectory(access.seesAllUnits && access.can(perm.tasksRead));
  const report = useQuery({
    queryKey: coreKeys.report(unitCode ?? '', period.id),
    queryFn: () => core.reports.get.query({ unitCode: unitCode ?? undefined, periodId: period.id }),
    enabled: !!unitCode,
  });

  const select = (next: { periodId?: string; unitCode?: string }) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (next.periodId) p.set('ky', next.periodId);
      if (next.unitCode) p.set('don-vi', next.unitCode);
      return p;
    });

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('report.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
      <div className="dondoc-filters" role="group" aria-label={t('report.choose')}>
        <Form layout="vertical" component={false}>
          <PeriodFields period={period} onChange={(periodId) => select({ periodId })} />
          {access.seesAllUnits ? (
            <Form.Item label={t('report.unit')} htmlFor="report-unit">
              <Select<string>
                id="report-unit"
                value={unitCode ?? undefined}
                showSearch={{ optionFilterProp: 'label' }}
                loading={units.isPending}
                placeholder={t('report.chooseUnit')}
                onChange={(code) => select({ unitCode: code })}
                options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          ) : null}
        </Form>
      </div>

      {!unitCode ? (
        <Alert type="info" showIcon title={access.seesAllUnits ? t('report.chooseUnitHelp') : t('report.noUnit', { user: user.displayName })} />
      ) : report.isPending ? (
        <Loading text={t('report.loading')} />
      ) : report.isError ? (
        <ErrorPanel title={t('report.loadFailed')} error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportEditor key={`${unitCode}:${period.id}`} data={report.data} />
      )}
      {access.canAny([perm.reportsReview, perm.escalationsRespond]) ? (
        <Typography.Paragraph className="dondoc-gap">
          <Link to="/dieu-phoi">{t('report.backToQueue')}</Link>
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
