import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createDondocQueryClient, DondocProvider, isUnauthorized } from '@dondoc/ui';
import './i18n.ts';
import { SignInPage } from './auth/SignInPage.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { sessionKeys } from './api.ts';
import { signInPath } from './routes.tsx';

/**
 * The page's one query client. When any request (a module's included) finds the session dead,
 * the session is re-checked, which sends the user to the sign-in page.
 */
function createShellQueryClient() {
  const client = createDondocQueryClient();
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (key?.[0] === sessionKeys.all[0] || !isUnauthorized(error)) return;
    void client.invalidateQueries({ queryKey: sessionKeys.me });
  };
  client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error, event.query.queryKey);
  });
  client.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  return client;
}

export function App() {
  const [queryClient] = useState(createShellQueryClient);
  return (
    <DondocProvider queryClient={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path={signInPath} element={<SignInPage />} />
          <Route path="*" element={<RequireSession />} />
        </Routes>
      </BrowserRouter>
    </DondocProvider>
  );
}
