import { Segmented } from 'antd';
import { useLocale, useT, type Locale } from '@dondoc/ui';

/** Tiếng Việt / English, each written in its own language; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="dondoc-language">
      {/* A radio group named "Ngôn ngữ" (the control's own name would be "segmented control"). */}
      <Segmented<Locale>
        aria-label={t('locale.label')}
        size="small"
        value={locale}
        onChange={(value) => setLocale(value)}
        options={[
          { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
          { value: 'en', label: <span lang="en">English</span> },
        ]}
      />
    </div>
  );
}
