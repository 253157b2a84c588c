/**
 * The one palette of status tags, bars and marks, shared by the shell and every module. Every
 * colour is dark enough for white text, and as text on white, at WCAG AA (4.5:1): antd's light
 * preset tags (cyan, gold, green on their pale backgrounds) fall short of it.
 */
export const TAG_COLORS = {
  blue: '#0b57a4',
  green: '#237804',
  cyan: '#006d75',
  gold: '#874d00',
  orange: '#ad4e00',
  red: '#a8071a',
  purple: '#531dab',
  grey: '#4b5563',
} as const;

export type TagColor = keyof typeof TAG_COLORS;

/** The forecast classes of a target's trend (the core's `ForecastClass`). */
export const FORECAST_COLORS: Record<'met' | 'on_track' | 'at_risk' | 'off_track' | 'insufficient_data', string> = {
  met: TAG_COLORS.green,
  on_track: TAG_COLORS.blue,
  at_risk: TAG_COLORS.orange,
  off_track: TAG_COLORS.red,
  insufficient_data: TAG_COLORS.grey,
};

/** The colour of a value in a record of colours, grey when the value is unknown. */
export function colorOf(colors: Readonly<Record<string, string>>, value: string | null | undefined): string {
  return (value !== null && value !== undefined && colors[value]) || TAG_COLORS.grey;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
