import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { FormOutcome, firstFailure } from '../src/FormParts.tsx';
import { i18n } from '../src/i18n.ts';

const idle = { isError: false, error: null };
const failed = (message: string) => ({ isError: true, error: new Error(message) });

describe('FormOutcome: what an editor shows below its buttons', () => {
  it('names the first failed action with its reason, in the interface language', async () => {
    await i18n.changeLanguage('vi');
    const html = renderToStaticMarkup(<FormOutcome actions={[idle, failed('Đơn vị đã có năm được duyệt.'), failed('second')]} done={null} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Không lưu được');
    expect(html).toContain('Đơn vị đã có năm được duyệt.');
    expect(html).not.toContain('second');
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<FormOutcome actions={[failed('x')]} done={null} />)).toContain('Could not save');
    await i18n.changeLanguage('vi');
  });
  it('shows the success note as a status, and the versioned form’s own alerts first', () => {
    const html = renderToStaticMarkup(<FormOutcome versioned={{ alerts: <p id="conflict">CONFLICT</p>, mutation: idle }} done="Đã lưu năm 2024." />);
    expect(html).toContain('role="status"');
    expect(html).toContain('Đã lưu năm 2024.');
    expect(html.indexOf('conflict')).toBeLessThan(html.indexOf('Đã lưu'));
    expect(html).not.toContain('role="alert"');
  });
  it('shows nothing when nothing happened', () => {
    expect(renderToStaticMarkup(<FormOutcome actions={[idle]} done={null} />)).toBe('<div style="margin-top:16px"></div>');
    expect(firstFailure([idle, idle])).toBeNull();
  });
});
