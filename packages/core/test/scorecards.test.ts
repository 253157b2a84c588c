/**
 * Index scorecards (issue 12): the seeded 2023 scorecards rolled up, owners' estimates, a miss
 * refused without a remediation action, a saved miss escalated to the coordinators and measured on
 * the index's core target, the owning department's edits, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '@dondoc/auth';
import { testBackends } from '@dondoc/db/testing';
import { addDays } from '../src/domain/index.ts';
import { scopeTransactions } from '../src/server/index.ts';
import { scorecardNodes } from '../src/server/schema.ts';
import { SCORECARDS_2023, type SeedNode } from '../src/server/scorecards-2023.ts';
import { createCoreHarness, declareTestModuleTarget, fileForm, rejection, today, type CoreCaller, type CoreHarness } from './harness.ts';

type Card = Awaited<ReturnType<CoreCaller['scorecards']['get']>>;

describe.each(testBackends)('index scorecards on %s', (backend) => {
  let h: CoreHarness;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    h = await createCoreHarness(backend);
    for (const card of await (await h.as('ubnd')).scorecards.list({ year: 2023 })) ids.set(card.index, card.id);
  });
  afterAll(async () => h?.close());

  const card = async (index: string, username: Parameters<CoreHarness['as']>[0] = 'ubnd') => (await h.as(username)).scorecards.get({ id: ids.get(index)! });
  const nodeOf = (c: Card, code: string) => {
    const node = c.nodes.find((n) => n.code === code);
    if (!node) throw new Error(`no node ${code}`);
    return node;
  };

  it('the seed holds Hà Nội’s five 2023 scorecards, each rolled up by its index’s rule', async () => {
    const list = await (await h.as('badinh')).scorecards.list({ year: 2023 });
    expect(list.map((c) => [c.index, c.ownerUnit.code, c.total?.estimate, c.total?.target, c.total?.shown, c.total?.class])).toEqual([
      // PAPI: 5,3 + 5,6 + 4,6 + 6,9 + 7,4 + 7,6 + 3,3 + 4,9 = 45,6 ≥ 45, but dimension 7 is short.
      ['papi', 'SNV', 45.6, 45, '45,6/80', 'at_risk'],
      // PAR INDEX: 8,6 + 7,9 + (2,45 + 3,3 + 3,5 + 2,35) + 7,6 + 13,2 + 7,4 + 9 + 26,1 = 91,4 ≥ 91, but fields below are short.
      ['par_index', 'SNV', 91.4, 91, '91,4/100 (91,4%)', 'at_risk'],
      // PCI: (5·(7,2+5,9+6,8+5,8+6+6,3) + 20·(6,6+7,9+7,5) + 10·6,1) / 100 × 10 = 69,1.
      ['pci', 'SKHDT', 69.1, 70, '69,1/100', 'at_risk'],
      // PGI: 5,8 + 6,4 + 6,1 + 5,2.
      ['pgi', 'SKHDT', 23.5, 23, '23,5 điểm', 'at_risk'],
      // SIPAS: (85,2 + 82,1 + 84,6 + 84,9 + 80,3) / 5.
      ['sipas', 'SNV', 83.42, 84, '83,42%', 'at_risk'],
    ]);
    expect(list.map((c) => c.shortNodes)).toEqual([1, 3, 2, 1, 2]);
    expect(list.every((c) => c.unverified)).toBe(true);
  });

  it('every estimate the seed holds below its target has its remediation action', () => {
    const misses = (node: SeedNode): SeedNode[] => [...(node.estimate !== undefined && node.target !== undefined && node.estimate < node.target ? [node] : []), ...(node.children ?? []).flatMap(misses)];
    const all = SCORECARDS_2023.flatMap((c) => misses(c.root));
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((n) => !n.action)).toEqual([]);
  });

  it('get: the tree with sources, unverified marks, owners, roll-ups, classes and the caller’s rights', async () => {
    const par = await card('par_index', 'snv');
    expect(par.sources.map((s) => s.url)).toContain('https://nvsk.vnanet.vn/print/infographics-chi-so-cai-cach-hanh-chinh-2023-par-index-2023-145152.vna');
    expect(par.unverifiedNote).toMatch(/chưa đối chiếu/);
    expect(par.lastYearRank).toBe('3/63');
    expect(par.total).toMatchObject({ estimate: 91.4, lastYearScore: 89.58, lastYearShown: '89,58/100 (89,58%)', ownClass: 'met', class: 'at_risk' });
    expect(par.task?.code).toBe('2458-6.2');
    expect(par.target?.code).toBe('CS-PAR-2023');
    expect(nodeOf(par, '3')).toMatchObject({ estimate: 11.6, target: 11.7, max: 12.5, isLeaf: false, class: 'at_risk', depth: 1, unverified: true });
    // 3.3 is short by 0,3, more than its margin of 0,2: off track; its action is listed.
    expect(nodeOf(par, '3.3')).toMatchObject({ estimate: 3.5, target: 3.8, class: 'off_track', ownerUnits: [{ code: 'VP', name: 'Văn phòng UBND Thành phố' }] });
    expect(nodeOf(par, '3.3').actions.map((a) => [a.ownerUnit.code, a.dueOn])).toEqual([['VP', '2023-11-30']]);
    expect(nodeOf(par, '3.3').estimatedBy?.fullName).toBe('Dữ liệu mẫu (hệ thống)');
    expect(par.mayEdit).toBe(true);
    // Sở Nội vụ estimates its own fields, not the Văn phòng's; nobody estimates a parent.
    expect(['4', '3.3', '3'].map((code) => nodeOf(par, code).mayEstimate)).toEqual([true, false, false]);
    const asVp = await card('par_index', 'vp');
    expect(asVp.mayEdit).toBe(false);
    expect(nodeOf(asVp, '3.3').mayEstimate).toBe(true);
    expect((await rejection((await h.as('ubnd')).scorecards.get({ id: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
  });

  it('an estimate below target without a remediation action is refused, in the caller’s language; nothing is written', async () => {
    const papi = await card('papi');
    const d1 = nodeOf(papi, '1');
    const vi = await rejection((await h.as('snv')).scorecards.saveEstimate({ nodeId: d1.id, version: d1.version, value: 5, evidence: 'Khảo sát nhanh tại 12 phường', asOf: '2023-11-20' }));
    expect(vi.code).toBe('BAD_REQUEST');
    expect(vi.message).toBe('Ước tính 5 thấp hơn mục tiêu 5,2 của tiêu chí 1: hãy nêu giải pháp khắc phục (việc cần làm, đơn vị thực hiện, thời hạn) trước khi lưu.');
    const en = await rejection((await h.as('snv', { locale: 'en' })).scorecards.saveEstimate({ nodeId: d1.id, version: d1.version, value: 5, evidence: 'Quick survey', asOf: '2023-11-20' }));
    expect(en.message).toBe("The estimate 5 is below criterion 1's target of 5.2: give a remediation action (what, who, by when) before saving.");
    expect(nodeOf(await card('papi'), '1')).toMatchObject({ estimate: 5.3, version: d1.version });
    expect(await (await h.as('snv')).scorecards.history({ nodeId: d1.id })).toHaveLength(1);
  });

  it('a saved miss marks its path at risk, escalates to the coordinators, and moves the index’s measurement and forecast', async () => {
    const ubnd = await h.as('ubnd');
    const forecastBefore = (await ubnd.targets.get({ code: 'CS-PAPI-2023', asOf: '2023-11-30' })).forecast;
    // One quarter measured (the seed's 45,6), at or above the target of 45: met.
    expect(forecastBefore).toMatchObject({ class: 'met', latestValue: 45.6 });
    const waitingBefore = (await ubnd.coordination.waiting()).escalations;

    const papi = await card('papi');
    const d1 = nodeOf(papi, '1');
    const { caller: snv, requestId } = await h.session('snv');
    const saved = await snv.scorecards.saveEstimate({
      nodeId: d1.id,
      version: d1.version,
      value: 5,
      evidence: 'Khảo sát nhanh tại 12 phường',
      asOf: '2023-11-20',
      action: { what: 'Tổ chức lấy ý kiến người dân về kế hoạch sử dụng đất tại tổ dân phố', dueOn: '2023-12-10' },
    });
    // 45,6 − 5,3 + 5 = 45,3 ≥ 45: the index meets its own target, the dimension is short.
    expect(saved.total).toMatchObject({ estimate: 45.3, shown: '45,3/80' });
    expect(saved.node).toMatchObject({ estimate: 5, class: 'at_risk', version: d1.version + 1 });
    expect(saved.measurement).toEqual({ code: 'CS-PAPI-2023', value: 45.3, asOf: '2023-11-20' });

    const after = await card('papi');
    expect(nodeOf(after, '1').class).toBe('at_risk');
    expect(nodeOf(after, 'PAPI').class).toBe('at_risk');
    expect(nodeOf(after, '1').actions.map((a) => [a.what, a.ownerUnit.code, a.dueOn])).toEqual([['Tổ chức lấy ý kiến người dân về kế hoạch sử dụng đất tại tổ dân phố', 'SNV', '2023-12-10']]);
    expect(nodeOf(after, '1').escalation).toMatchObject({ id: saved.escalationId, state: 'open' });

    // The coordinators' queue: open, from Sở Nội vụ, about §6.2, linked to the node.
    const queue = await ubnd.escalations.list({ state: 'open' });
    const escalation = queue.find((e) => e.id === saved.escalationId);
    expect(escalation).toMatchObject({
      unit: { code: 'SNV' },
      task: { code: '2458-6.2' },
      scorecardNodeId: d1.id,
      link: { path: `/chi-so/${papi.id}?nut=${d1.id}`, label: 'PAPI 2023 · 1 Tham gia của người dân ở cấp cơ sở' },
      proposal: 'Tổ chức lấy ý kiến người dân về kế hoạch sử dụng đất tại tổ dân phố',
    });
    expect(escalation?.obstacle).toBe('PAPI năm 2023, tiêu chí 1 Tham gia của người dân ở cấp cơ sở: ước tính 5, thấp hơn mục tiêu 5,2 — dự báo không đạt.');
    expect((await ubnd.coordination.waiting()).escalations).toBe(waitingBefore + 1);

    // The core target: the fourth quarter measured beside the third.
    const target = await ubnd.targets.get({ code: 'CS-PAPI-2023', asOf: '2023-11-30' });
    expect(target.measurements.map((m) => [m.asOf, m.value, m.source, m.provisional])).toEqual([
      ['2023-09-14', 45.6, 'scorecards', true],
      ['2023-11-20', 45.3, 'scorecards', true],
    ]);
    expect(target.forecast).toMatchObject({ class: 'met', latestValue: 45.3 });

    // Lowered again the same day (an action is still due: no new one needed): one escalation stays open, the measurement and forecast move.
    const again = await snv.scorecards.saveEstimate({ nodeId: d1.id, version: saved.node.version, value: 4.6, evidence: 'Khảo sát bổ sung', asOf: '2023-11-20' });
    expect(again.escalationId).toBe(saved.escalationId);
    expect(again.total.estimate).toBe(44.9);
    const moved = await ubnd.targets.get({ code: 'CS-PAPI-2023', asOf: '2023-11-30' });
    expect(moved.measurements.map((m) => m.value)).toEqual([45.6, 44.9]);
    // Below 45 now: the forecast no longer reads met; the trend through the baseline and both quarters decides.
    expect(moved.forecast.latestValue).toBe(44.9);
    // Least squares through (31/12/2022, 45,6), (14/9, 45,6), (20/11, 44,9): falling, projected 45,10 on 31/12 — just on track.
    expect(moved.forecast).toMatchObject({ class: 'on_track', points: 2 });
    expect(moved.forecast.projectedValue).toBeCloseTo(45.0995, 3);
    expect(moved.forecast.trend?.slopePerDay).toBeLessThan(0);
    expect((await ubnd.escalations.list({ state: 'open' })).filter((e) => e.scorecardNodeId === d1.id)).toHaveLength(1);

    // History and audit: each estimate under the caller's name.
    expect((await snv.scorecards.history({ nodeId: d1.id })).map((e) => [e.value, e.by?.username])).toEqual([
      [4.6, 'snv'],
      [5, 'snv'],
      [5.3, 'du-lieu-mau'],
    ]);
    const audit = await listAudit(h.db, { entity: 'core.scorecard_node', entityId: d1.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['core.scorecard.action', 'core.scorecard.estimate', 'core.scorecard.estimate']);
    expect(audit.find((a) => a.requestId === requestId && a.action === 'core.scorecard.estimate')?.actorUsername).toBe('snv');
  });

  it('atRisk: the coordinators’ watch list holds every criterion forecast to miss, with its escalation, the same for every reader', async () => {
    const ubnd = await h.as('ubnd');
    const cards = await ubnd.scorecards.list({ year: 2023 });
    const watch = await ubnd.scorecards.atRisk({ year: 2023 });
    expect(watch.year).toBe(2023);
    // As many as the scorecards count short, each a leaf below its target.
    expect(watch.items).toHaveLength(cards.reduce((sum, c) => sum + c.shortNodes, 0));
    for (const item of watch.items) expect(item.estimate).toBeLessThan(item.target!);
    const papi = await card('papi');
    const d1 = watch.items.find((item) => item.nodeId === nodeOf(papi, '1').id);
    expect(d1).toMatchObject({ index: 'papi', code: '1', ownerUnits: [{ code: 'SNV' }], path: `/chi-so/${papi.id}?nut=${d1?.nodeId}` });
    expect(d1?.escalationId).not.toBeNull();
    expect(d1?.actions).toBeGreaterThan(0);
    // The latest year by default.
    expect((await ubnd.scorecards.atRisk({})).year).toBe(Math.max(...(await ubnd.scorecards.list({})).map((c) => c.year)));
    // Scorecards are read city-wide: a district sees the same list.
    expect((await (await h.as('badinh')).scorecards.atRisk({ year: 2023 })).items.map((i) => i.nodeId)).toEqual(watch.items.map((i) => i.nodeId));
  });

  it('a remediation may open a core task for the owner unit, followed like any task', async () => {
    const par = await card('par_index');
    const field5 = nodeOf(par, '5');
    const dueOn = addDays(today(), 30); // a task's deadline is never before the day it is given
    const saved = await (await h.as('snv')).scorecards.saveEstimate({
      nodeId: field5.id,
      version: field5.version,
      value: 12.5,
      evidence: 'Kết quả tuyển dụng công chức quý IV',
      asOf: '2023-11-25',
      action: { what: 'Hoàn thành đánh giá, xếp loại công chức', dueOn, openTask: true },
    });
    expect(saved.taskId).not.toBeNull();
    const task = await (await h.as('snv')).tasks.get({ id: saved.taskId!, asOf: '2023-11-25' });
    expect(task).toMatchObject({ code: '2458-6.2-SNV-M1', leadUnit: { code: 'SNV' }, deadline: dueOn });
    expect(task.title).toBe('Khắc phục PAR INDEX 2023, tiêu chí 5: Hoàn thành đánh giá, xếp loại công chức');
    expect(nodeOf(await card('par_index'), '5').actions.map((a) => a.task?.code)).toEqual(['2458-6.2-SNV-M1']);
  });

  it('an estimate is checked: a parent is not estimated, nor above the maximum, nor dated ahead; a stale version is CONFLICT', async () => {
    const snv = await h.as('snv');
    const par = await card('par_index');
    const root = nodeOf(par, 'PAR');
    const field4 = nodeOf(par, '4');
    const parent = await rejection(snv.scorecards.saveEstimate({ nodeId: root.id, version: root.version, value: 90, evidence: 'x' }));
    expect(parent.message).toBe('Điểm của PAR là tổng hợp từ các tiêu chí con: hãy ước tính từng tiêu chí con.');
    const above = await rejection(snv.scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 8.5, evidence: 'x' }));
    expect(above.message).toBe('Điểm 8,5 vượt điểm tối đa 8.');
    const ahead = await rejection(snv.scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 7.7, evidence: 'x', asOf: '2999-01-01' }));
    expect(ahead.message).toBe('Ngày ước tính không được sau hôm nay.');
    const noEvidence = await rejection(snv.scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 7.7, evidence: '  ' }));
    expect(noEvidence.code).toBe('BAD_REQUEST');
    await snv.scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 7.7, evidence: 'Đề án vị trí việc làm đã phê duyệt', asOf: '2023-11-20' });
    const stale = await rejection(snv.scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 7.8, evidence: 'x', asOf: '2023-11-20' }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('the owning department edits structure and targets: a new leaf leaves its path without a total until estimated; the core target follows the index’s target', async () => {
    const snv = await h.as('snv');
    const pgi = await card('pgi', 'skhdt');
    const sub2 = nodeOf(pgi, '2');
    const added = await (await h.as('skhdt')).scorecards.addNode({ scorecardId: pgi.id, parentId: sub2.id, code: '2.1', name: 'Tỷ lệ doanh nghiệp có giấy phép môi trường', target: 3, ownerUnitCodes: ['STNMT'] });
    const withLeaf = await card('pgi');
    // 2 is a parent now: its own estimate gives way to its children's, and one is missing.
    expect(nodeOf(withLeaf, '2')).toMatchObject({ isLeaf: false, estimate: null, missingLeaves: 1 });
    expect(nodeOf(withLeaf, 'PGI')).toMatchObject({ estimate: null, missingLeaves: 1 });
    expect(withLeaf.total?.shown).toBe('Chưa đủ ước tính');
    const removed = await (await h.as('skhdt')).scorecards.removeNode({ id: added.id, version: added.version });
    expect(removed.removed).toBe(true);
    expect(nodeOf(await card('pgi'), 'PGI').estimate).toBe(23.5);

    // Sở Nội vụ raises the PAR INDEX target: the core target CS-PAR-2023 follows, audited.
    const par = await card('par_index', 'snv');
    const root = nodeOf(par, 'PAR');
    await snv.scorecards.updateNode({ id: root.id, version: root.version, target: 92 });
    expect((await (await h.as('ubnd')).targets.get({ code: 'CS-PAR-2023' })).targetValue).toBe(92);
    expect(nodeOf(await card('par_index'), 'PAR').target).toBe(92);
    const targetBad = await rejection(snv.scorecards.updateNode({ id: nodeOf(par, '4').id, version: nodeOf(par, '4').version, target: 9 }));
    expect(targetBad.message).toBe('Mục tiêu: Điểm 9 vượt điểm tối đa 8.');
    const [stillFour] = await h.db.select().from(scorecardNodes).where(eq(scorecardNodes.id, nodeOf(par, '4').id));
    expect(stillFour?.target).toBe(7.5);
  });

  it('permissions: only owner units estimate, only the owning department’s lead edits, coordinators read', async () => {
    const par = await card('par_index');
    const field4 = nodeOf(par, '4');
    const notOwner = await rejection((await h.as('stc')).scorecards.saveEstimate({ nodeId: field4.id, version: field4.version, value: 7, evidence: 'x' }));
    expect([notOwner.code, notOwner.message]).toEqual(['FORBIDDEN', 'Chỉ đơn vị phụ trách tiêu chí 4 được ước tính điểm.']);
    const otherDept = await rejection((await h.as('skhdt')).scorecards.updateNode({ id: field4.id, version: field4.version, target: 7 }));
    expect([otherDept.code, otherDept.message]).toEqual(['FORBIDDEN', 'Chỉ đơn vị chủ trì Chỉ số được sửa cấu trúc và mục tiêu của bảng điểm.']);
    const cases: Array<[string, (c: CoreCaller) => Promise<unknown>, Array<Parameters<CoreHarness['as']>[0]>]> = [
      ['core.scorecards:estimate', (c) => c.scorecards.saveEstimate({ nodeId: field4.id, version: 1, value: 7, evidence: 'x' }), ['ubnd']],
      ['core.scorecards:edit', (c) => c.scorecards.updateNode({ id: field4.id, version: 1, target: 7 }), ['ubnd', 'stc.cv']],
      ['core.scorecards:edit', (c) => c.scorecards.addNode({ scorecardId: par.id, parentId: field4.id, code: '4.1', name: 'x' }), ['ubnd', 'stc.cv']],
      ['core.scorecards:edit', (c) => c.scorecards.removeNode({ id: field4.id, version: 1 }), ['ubnd', 'stc.cv']],
    ];
    for (const [permission, call, usernames] of cases) {
      for (const username of usernames) {
        const error = await rejection(call(await h.as(username)));
        expect(error.code, `${username} ${permission}`).toBe('FORBIDDEN');
        expect(error.message).toBe(`Bạn không có quyền thực hiện thao tác này (${permission}).`);
      }
    }
    for (const username of ['ubnd', 'stc.cv', 'badinh'] as const) {
      const caller = await h.as(username);
      expect(await caller.scorecards.list({})).toHaveLength(5);
      expect((await caller.scorecards.get({ id: par.id })).nodes.length).toBeGreaterThan(8);
      expect(await caller.scorecards.history({ nodeId: field4.id })).not.toHaveLength(0);
    }
    const anonymous = h.anonymous();
    for (const call of [
      () => anonymous.scorecards.list({}),
      () => anonymous.scorecards.get({ id: par.id }),
      () => anonymous.scorecards.history({ nodeId: field4.id }),
      () => anonymous.scorecards.saveEstimate({ nodeId: field4.id, version: 1, value: 7, evidence: 'x' }),
      () => anonymous.scorecards.updateNode({ id: field4.id, version: 1 }),
      () => anonymous.scorecards.addNode({ scorecardId: par.id, parentId: field4.id, code: '4.1', name: 'x' }),
      () => anonymous.scorecards.removeNode({ id: field4.id, version: 1 }),
    ]) {
      expect((await rejection(call())).code).toBe('UNAUTHORIZED');
    }
  });

  it('module API: ctx.services.core.scorecards joins the module’s transaction and rolls back with it', async () => {
    const api = await h.coreApi('noi-vu', 'snv');
    const sipas = await card('sipas');
    const factor3 = nodeOf(sipas, '3');
    const db = scopeTransactions(h.db);
    await expect(
      db.transaction(async () => {
        await api.scorecards.saveEstimate({ nodeId: factor3.id, version: factor3.version, value: 86, evidence: 'Phiếu khảo sát tháng 10', asOf: '2023-10-20' });
        throw new Error('the module’s own write failed');
      }),
    ).rejects.toThrow('the module’s own write failed');
    expect(nodeOf(await card('sipas'), '3')).toMatchObject({ estimate: 84.6, version: factor3.version });
    const saved = await api.scorecards.saveEstimate({ nodeId: factor3.id, version: factor3.version, value: 86, evidence: 'Phiếu khảo sát tháng 10', asOf: '2023-10-20' });
    expect(saved.total.estimate).toBe(83.7); // (85,2 + 82,1 + 86 + 84,9 + 80,3) / 5
    // Estimated after 2023 (the result not yet published): the year's final projection, dated 31/12/2023.
    const late = await api.scorecards.saveEstimate({ nodeId: factor3.id, version: saved.node.version, value: 86.5, evidence: 'Kết quả khảo sát cả năm', asOf: '2024-02-20' });
    expect(late.measurement).toEqual({ code: 'CS-SIPAS-2023', value: 83.8, asOf: '2023-12-31' });
    const audit = await listAudit(h.db, { entity: 'core.scorecard_node', entityId: factor3.id });
    expect(audit.map((a) => [a.action, (a.after as { module?: string }).module])).toEqual([
      ['core.scorecard.estimate', 'noi-vu'],
      ['core.scorecard.estimate', 'noi-vu'],
    ]);
    // Another module's permission is refused; a module's read works with no caller (seed, onStart).
    expect((await rejection(api.scorecards.list({ permission: 'khdt.pci:read' }))).code).toBe('BAD_REQUEST');
    expect(await (await h.coreApi('khdt', null)).scorecards.list({ index: 'pci' })).toHaveLength(1);
  });

  it('xlsx: import of an exported scorecard gives back the same tree; a dry run writes nothing; only the owning department imports', async () => {
    const snv = await h.as('snv');
    const id = ids.get('par_index')!;
    const shape = (c: Card) =>
      c.nodes
        .map((n) => [n.code, c.nodes.find((p) => p.id === n.parentId)?.code ?? null, n.name, n.maxPoints, n.weight, n.target, n.margin, n.ownerUnits.map((u) => u.code).join(','), n.unverified])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const original = shape(await snv.scorecards.get({ id }));
    const exported = await snv.scorecards.export({ id });
    expect(exported.filename).toBe('bang-diem-par-index-2023.xlsx');
    const bytes = Buffer.from(exported.dataBase64, 'base64');

    // The department changes the tree after the export: a name, a target, a new criterion, one removed.
    const now = await snv.scorecards.get({ id });
    const field2 = nodeOf(now, '2');
    await snv.scorecards.updateNode({ id: field2.id, version: field2.version, name: 'Thể chế (sửa)', target: 7 });
    await snv.scorecards.addNode({ scorecardId: id, parentId: nodeOf(now, '3').id, code: '3.5', name: 'Số hóa hồ sơ', maxPoints: 1, target: 0.8 });
    const field31 = nodeOf(now, '3.1');
    await snv.scorecards.removeNode({ id: field31.id, version: field31.version });
    expect(shape(await snv.scorecards.get({ id }))).not.toEqual(original);

    const form = fileForm(exported.filename, bytes, { id, dryRun: true });
    const dry = await snv.scorecards.import(form);
    expect(dry).toMatchObject({ dryRun: true, written: false, errors: [], summary: { added: 1, changed: 1, removed: 1 } });
    expect(nodeOf(await snv.scorecards.get({ id }), '2').name).toBe('Thể chế (sửa)');

    const done = await snv.scorecards.import(fileForm(exported.filename, bytes, { id, dryRun: false }));
    expect(done).toMatchObject({ written: true, summary: { added: 1, changed: 1, removed: 1 } });
    expect(shape(await snv.scorecards.get({ id }))).toEqual(original);
    // The estimates are not in what is imported: 3.1 came back without one (its path shows it missing).
    const back = await snv.scorecards.get({ id });
    expect(nodeOf(back, '3.1')).toMatchObject({ ownEstimate: null, class: 'missing' });
    expect(nodeOf(back, '3').missingLeaves).toBe(1);
    // Importing the same file again changes nothing.
    expect((await snv.scorecards.import(fileForm(exported.filename, bytes, { id, dryRun: false }))).summary).toEqual({ added: 0, changed: 0, removed: 0 });
    expect((await listAudit(h.db, { entity: 'core.scorecard', entityId: id })).filter((a) => a.action === 'core.scorecard.import')).toHaveLength(2);

    // A broken file: unknown owner, two roots — every problem answered, nothing written.
    const csv = new TextEncoder().encode('Mã,Mã cấp trên,Tên,Đơn vị phụ trách (mã)\nPAR,,PAR INDEX,SNV\n1,,Thừa gốc,XYZ\n');
    const broken = await snv.scorecards.import(fileForm('sai.csv', csv, { id, dryRun: false }));
    expect(broken.written).toBe(false);
    expect(broken.errors.map((e) => e.message)).toEqual(['Không có đơn vị XYZ.', 'Tệp phải có đúng một dòng gốc là chỉ số PAR (mã cấp trên để trống).', 'Bảng điểm phải có đúng một gốc (chỉ số), đang có 2.']);
    expect(shape(await snv.scorecards.get({ id }))).toEqual(original);
    const forbidden = await rejection((await h.as('skhdt')).scorecards.import(fileForm(exported.filename, bytes, { id, dryRun: true })));
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it('ranking: the city’s departments and districts by internal PAR score, with the move since 2022', async () => {
    const badinh = await h.as('badinh');
    const departments = await badinh.scorecards.ranking({ year: 2023, kind: 'department' });
    // Published: departments' mean 88,4%, Sở Nội vụ first at 94%, then Sở Tài chính, Sở KH&CN; Thanh tra TP last.
    expect(departments.mean).toBe(88.4);
    expect(departments.units).toHaveLength(21);
    expect(departments.units.slice(0, 3).map((u) => [u.rank, u.unitCode, u.score, u.source !== null])).toEqual([
      [1, 'SNV', 94, true],
      [2, 'STC', 93.89, true],
      [3, 'SKHCN', 93, true],
    ]);
    expect(departments.units.at(-1)).toMatchObject({ rank: 21, unitCode: 'TTTP', unitName: 'Thanh tra Thành phố', score: 63.9 });
    // Every unit was ranked in 2022 too: each move is last year's rank minus this year's.
    for (const unit of departments.units) expect(unit.change).toBe(unit.lastRank! - unit.rank);
    // 2022 (the demo's): Sở GD&ĐT 93,86, Sở Tư pháp 92,58, Sở Tài chính 92,57, Sở Ngoại vụ 92,27, Sở Nội vụ 92,05 → fifth, up four.
    expect(departments.units.find((u) => u.unitCode === 'SNV')).toMatchObject({ lastRank: 5, change: 4 });
    expect(departments.units.find((u) => u.unitCode === 'SGDDT')).toMatchObject({ rank: 6, lastRank: 1, change: -5 }); // 91,7 in 2023: behind 94, 93,89, 93, 92,4, 92,1
    const districts = await badinh.scorecards.ranking({ year: 2023, kind: 'district' });
    expect(districts.mean).toBe(94);
    expect(districts.units).toHaveLength(30);
    expect([districts.units[0]!.unitName, districts.units.at(-1)!.unitName]).toEqual(['Quận Đống Đa', 'Huyện Phú Xuyên']);
    // A year with no results: nothing ranked.
    expect(await badinh.scorecards.ranking({ year: 2030, kind: 'district' })).toEqual({ year: 2030, kind: 'district', mean: null, units: [] });
    expect((await rejection(h.anonymous().scorecards.ranking({ year: 2023, kind: 'district' }))).code).toBe('UNAUTHORIZED');
  });

  it('useTarget: the owning department’s module has the projection recorded on the target it declares; another’s target is refused', async () => {
    await declareTestModuleTarget(h, { module: 'khdt', moduleUnit: 'SKHDT', code: 'TEST-PGI-2023', name: 'PGI 2023 (mô-đun)', directive: '2458/UBND-SNV', clause: '5.2', direction: 'at_least', targetValue: 23, measureUnit: 'điểm', targetDate: '2023-12-31', baselineValue: 20, baselineDate: '2022-12-31', ownerUnitCode: 'SKHDT' });
    const pgi = await card('pgi');
    const khdt = await h.coreApi('khdt', 'skhdt');
    const used = await khdt.scorecards.useTarget({ id: pgi.id, targetCode: 'TEST-PGI-2023' });
    // The projection of 2023 estimated after the year: dated 31/12/2023, under the module's name.
    expect(used).toMatchObject({ target: 'TEST-PGI-2023', measurement: { code: 'TEST-PGI-2023', value: pgi.total!.estimate, asOf: '2023-12-31' } });
    expect((await card('pgi')).target?.code).toBe('TEST-PGI-2023');
    expect((await khdt.scorecards.useTarget({ id: pgi.id, targetCode: 'TEST-PGI-2023' })).version).toBe(used.version);
    // A later estimate moves the module's target; a changed node target leaves the declared value alone.
    const leaf = nodeOf(await card('pgi'), '3');
    const saved = await khdt.scorecards.saveEstimate({ nodeId: leaf.id, version: leaf.version, value: 6.3, evidence: 'Khảo sát doanh nghiệp', asOf: '2023-11-01' });
    expect(saved.measurement).toMatchObject({ code: 'TEST-PGI-2023', asOf: '2023-11-01' });
    await khdt.scorecards.updateNode({ id: leaf.id, version: saved.node.version, target: 6.2 });
    expect((await khdt.targets.get('TEST-PGI-2023')).targetValue).toBe(23);
    expect((await listAudit(h.db, { entity: 'core.scorecard', entityId: pgi.id })).map((a) => a.action)).toContain('core.scorecard.target');
    // The seed's target (the core's) and an unknown one are refused; a unit that does not lead the index may not.
    expect((await rejection(khdt.scorecards.useTarget({ id: pgi.id, targetCode: 'CS-PGI-2023' }))).code).toBe('FORBIDDEN');
    expect((await rejection(khdt.scorecards.useTarget({ id: pgi.id, targetCode: 'NO-SUCH' }))).code).toBe('NOT_FOUND');
    expect((await rejection((await h.coreApi('khdt', 'snv')).scorecards.useTarget({ id: pgi.id, targetCode: 'TEST-PGI-2023' }))).code).toBe('FORBIDDEN');
  });
});
