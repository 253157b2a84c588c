import { Spin } from 'antd';

/** A centred spinner with a visible, announced text. */
export function Loading({ text }: { text: string }) {
  return (
    <div className="dondoc-center" role="status" aria-live="polite">
      <Spin size="large" />
      <p className="dondoc-loading-text">{text}</p>
    </div>
  );
}
