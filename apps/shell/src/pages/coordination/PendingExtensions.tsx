import { useQuery } from '@tanstack/react-query';
import { Empty } from 'antd';
import { ErrorPanel, Section, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { Loading } from '../../components/Loading.tsx';
import { ExtensionDecision, ExtensionSummary } from '../tasks/ExtensionPanel.tsx';

/** "Đề nghị gia hạn chờ duyệt" on the coordinators' page: each pending request, its task and the decision. */
export function PendingExtensions() {
  const t = useT('shell');
  const pending = useQuery({ queryKey: coreKeys.extensions({ state: 'pending' }), queryFn: () => core.extensions.list.query({ state: 'pending' }) });
  return (
    <Section title={t('extension.pendingTitle', { count: pending.data?.length ?? 0 })}>
      {pending.isPending ? (
        <Loading text={t('common.loading')} />
      ) : pending.isError ? (
        <ErrorPanel headingLevel={3} title={t('extension.pendingFailed')} error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('extension.pendingNone')} />
      ) : (
        <ul className="dondoc-plain-list dondoc-extension-list">
          {pending.data.map((extension) => (
            <li key={extension.id} className="dondoc-pending-extension">
              <ExtensionSummary extension={extension} showTask />
              <ExtensionDecision extension={extension} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
