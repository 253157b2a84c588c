import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePluginEntry, fixturePluginWeb, startTestServer, type TestServer } from './helpers.ts';

/** Uploaded file names through the real server: a module's upload procedure answers the name it got. */
describe('uploaded file names through the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', [{ id: 'fixture', server: fixturePluginEntry, web: fixturePluginWeb }]);
  });
  afterAll(async () => server?.close());

  const upload = async (name: string, locale = 'vi') => {
    const officer = await server.signIn('stc.cv');
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('Tên đơn vị;Năm\nSở Tài chính;2024')], name));
    return officer.fetch('/api/trpc/fixture/import', { method: 'POST', headers: { 'x-dondoc-locale': locale }, body: form });
  };

  it('reach the procedure without their path, bidi controls or control characters, in NFC', async () => {
    const answer = await upload('..\\..\\Windows\\Ba\u0301o ca\u0301o\u202Evsc.exe\u0000.csv');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { result: { data: { name: string } } }).result.data.name).toBe('Báo cáovsc.exe.csv');
  });

  it('are refused with a message when nothing is left of them', async () => {
    const answer = await upload('../\u202E\u2066', 'en');
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      error: {
        data: {
          fieldErrors: [{ path: ['file'], message: 'The file name is not valid: nothing is left once its path and control characters are removed. Rename the file.' }],
        },
      },
    });
  });
});
