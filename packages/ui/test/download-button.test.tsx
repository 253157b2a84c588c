import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { DownloadButton } from '../src/DownloadButton.tsx';

describe('DownloadButton: a module’s export or report as a button', () => {
  it('renders a button with its label and test id, nothing fetched until it is pressed', () => {
    let loads = 0;
    const html = renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <AntApp>
          <DownloadButton type="primary" data-testid="download-docx" load={async () => { loads++; return { fileName: 'a.docx', mimeType: 'x', contentBase64: '' }; }}>
            Tải báo cáo (.docx)
          </DownloadButton>
        </AntApp>
      </QueryClientProvider>,
    );
    expect(html).toContain('data-testid="download-docx"');
    expect(html).toContain('Tải báo cáo (.docx)');
    expect(html).toContain('ant-btn-primary');
    expect(loads).toBe(0);
  });
});
