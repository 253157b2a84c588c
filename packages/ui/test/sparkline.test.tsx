import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Sparkline, sparklineShape } from '../src/Sparkline.tsx';

describe('sparklineShape: a target’s measurements drawn small', () => {
  it('spreads the points over time, not by their order, and puts higher values higher', () => {
    // 1 Jan, 2 Jan, 11 Jan: the third point is ten times further along than the second.
    const shape = sparklineShape([{ asOf: '2024-01-01', value: 0 }, { asOf: '2024-01-02', value: 5 }, { asOf: '2024-01-11', value: 10 }], null, 102, 22, 1);
    expect(shape?.path).toBe('M1,21 L11,11 L101,1');
    expect(shape?.last).toEqual({ x: 101, y: 1 });
    expect(shape?.targetY).toBeNull();
  });
  it('puts the target line on the same scale, even beyond the values', () => {
    const shape = sparklineShape([{ asOf: '2024-01-01', value: 40 }, { asOf: '2024-07-01', value: 60 }], 80, 100, 42, 1);
    // 80 is the top of the scale (40 to 80): the line is at the top, the latest value halfway.
    expect(shape?.targetY).toBe(1);
    expect(shape?.last.y).toBe(21);
  });
  it('draws one point or equal values in the middle, and nothing without a point', () => {
    expect(sparklineShape([{ asOf: '2024-01-01', value: 3 }], null, 100, 20)?.path).toBe('M50,10');
    expect(sparklineShape([], 5, 100, 20)).toBeNull();
  });
});

describe('Sparkline', () => {
  it('is one image named for screen readers, with the target dashed', () => {
    const html = renderToStaticMarkup(<Sparkline points={[{ asOf: '2024-01-01', value: 1 }, { asOf: '2024-02-01', value: 2 }]} target={3} label="Chỉ tiêu 2458-CT1: 2%, mục tiêu 3%" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Chỉ tiêu 2458-CT1: 2%, mục tiêu 3%"');
    expect(html).toContain('stroke-dasharray');
    expect(renderToStaticMarkup(<Sparkline points={[]} label="x" />)).not.toContain('<path');
  });
});
