import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button } from 'antd';
import { downloadFile, type Base64File } from './download.ts';
import { errorMessage } from './errors.ts';

/** A button that fetches a file from a module (an export, a generated report) and saves it; a refusal is shown in the user's language. */
export function DownloadButton({ load, children, size, type, 'data-testid': testId }: { load: () => Promise<Base64File>; children: ReactNode; size?: 'small' | 'middle'; type?: 'primary' | 'default'; 'data-testid'?: string }) {
  const { message } = AntApp.useApp();
  const download = useMutation({ mutationFn: load, onSuccess: downloadFile, onError: (error) => void message.error(errorMessage(error)) });
  return (
    <Button size={size} type={type} onClick={() => download.mutate()} loading={download.isPending} data-testid={testId}>
      {children}
    </Button>
  );
}
