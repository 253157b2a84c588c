import { BrowserRouter, Route, Routes } from 'react-router';
import { DondocProvider } from '@dondoc/ui';
import './i18n.ts';
import { SignInPage } from './auth/SignInPage.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { signInPath } from './routes.tsx';

export function App() {
  return (
    <DondocProvider>
      <BrowserRouter>
        <Routes>
          <Route path={signInPath} element={<SignInPage />} />
          <Route path="*" element={<RequireSession />} />
        </Routes>
      </BrowserRouter>
    </DondocProvider>
  );
}
