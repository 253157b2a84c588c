import { Typography } from '@dondoc/ui';

/**
 * A page in its own chunk (loaded with `lazy`), so that the e2e tests can make that chunk fail to
 * load and watch the shell reload once, as after an upgrade that removed it.
 */
export default function LaterPage() {
  return (
    <Typography.Title level={1} data-testid="later-page">
      Trang tải sau
    </Typography.Title>
  );
}
