import { useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18n, useLocale } from './i18n.ts';
import { registerQueryClient } from './queries.ts';

/**
 * The dondoc look: a deep blue of government portals, and secondary texts dark enough for
 * WCAG AA contrast on white (antd's defaults are lighter than 4.5:1).
 */
export const dondocTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57a4',
    colorLink: '#0b57a4',
    // antd derives lighter hover colours (#4a8bbd: 3.7:1 on white); a link under the pointer stays AA.
    colorLinkHover: '#08407a',
    colorLinkActive: '#08407a',
    colorPrimaryHover: '#08407a',
    // antd's #ff4d4f is 3.3:1 on white: danger buttons and field errors need 4.5:1 (WCAG AA).
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function createDondocQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

export interface DondocProviderProps {
  children?: ReactNode;
  /** A query client of your own (tests); one is created otherwise. */
  queryClient?: QueryClient;
}

/**
 * Everything a dondoc page needs around it: antd in the interface language (vi_VN by default,
 * en_US in English) with the dondoc theme, dayjs in the same language, the i18n instance and a
 * react-query client. The shell renders it once; modules live inside it.
 */
export function DondocProvider({ children, queryClient }: DondocProviderProps) {
  const { locale } = useLocale();
  const [client] = useState(() => {
    const created = queryClient ?? createDondocQueryClient();
    registerQueryClient(created); // the page's one client, also for module queries (`createModuleQueries`)
    return created;
  });
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={locale === 'en' ? enUS : viVN} theme={dondocTheme}>
        <AntApp>
          <QueryClientProvider client={client}>{children}</QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
