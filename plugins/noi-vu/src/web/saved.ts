/** What every write of the module's pages does when it answers: "Đã lưu.", the module's queries reloaded (then `after`); a refusal shown in the user's language. */
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, errorMessage, useT } from '@dondoc/ui';
import { queries } from './client.ts';
import './i18n.ts';

export function useSaved(after?: () => void) {
  const t = useT('noi-vu');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  return {
    onSuccess: () => {
      void message.success(t('saved'));
      void queryClient.invalidateQueries(queries.pathFilter());
      after?.();
    },
    onError: (error: unknown) => void message.error(errorMessage(error)),
  };
}
