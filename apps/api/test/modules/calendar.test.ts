import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const deadline = (payload: Record<string, unknown>, query = '') => t.app.inject({ method: 'POST', url: `/api/v1/calendar/deadline${query}`, payload });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('POST /api/v1/calendar/deadline (public)', () => {
  it('counts 3 working days over Tết 2026 and answers in +07:00', async () => {
    const res = await deadline({ receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ clockStartsAt: '2026-02-12T10:00:00+07:00', dueAt: '2026-02-24T10:00:00+07:00', workingMinutes: 1440, provisional: false });
  });

  it('accepts UTC input and the same-day and working-hours forms', async () => {
    expect((await deadline({ receivedAt: '2026-03-10T08:00:00Z', limit: { sameDay: true, cutoff: '15:00' } })).json().dueAt).toBe('2026-03-10T17:00:00+07:00');
    expect((await deadline({ receivedAt: '2026-03-10T15:01:00+07:00', limit: { sameDay: true } })).json().dueAt).toBe('2026-03-11T17:00:00+07:00');
    expect((await deadline({ receivedAt: '2026-03-09T12:30:00+07:00', limit: { workingHours: 4 } })).json()).toMatchObject({
      clockStartsAt: '2026-03-09T13:00:00+07:00',
      dueAt: '2026-03-09T17:00:00+07:00',
    });
  });

  it('with pauses, the clock stops while the supplement is awaited', async () => {
    const res = await deadline({
      receivedAt: '2026-03-09T08:00:00+07:00',
      limit: { workingDays: 2 },
      pauses: [{ from: '2026-03-09T10:00:00+07:00', to: '2026-03-11T14:30:00+07:00' }],
    });
    expect(res.json().dueAt).toBe('2026-03-13T11:30:00+07:00');
  });

  it('?explain=1 lists the working periods used, skipping lunch, weekends and Tết', async () => {
    const res = await deadline({ receivedAt: '2026-02-13T15:00:00+07:00', limit: { workingDays: 1 } }, '?explain=1');
    expect(res.json().consumed).toEqual([
      { from: '2026-02-13T15:00:00+07:00', to: '2026-02-13T17:00:00+07:00', minutes: 120 },
      { from: '2026-02-23T08:00:00+07:00', to: '2026-02-23T12:00:00+07:00', minutes: 240 },
      { from: '2026-02-23T13:00:00+07:00', to: '2026-02-23T15:00:00+07:00', minutes: 120 },
    ]);
    expect((await deadline({ receivedAt: '2026-02-13T15:00:00+07:00', limit: { workingDays: 1 } })).json().consumed).toBeUndefined();
  });

  it('accepts an existing center, and flags a count that reaches an unconfirmed year', async () => {
    const token = await t.login('phuxuan.motcua');
    const [center] = (await t.app.inject({ url: '/api/v1/centers', headers: bearer(token) })).json();
    const res = await deadline({ receivedAt: '2026-12-28T08:00:00+07:00', limit: { workingDays: 10 }, centerId: center.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dueAt: '2027-01-08T17:00:00+07:00', provisional: true });
  });

  it.each([
    ['no limit', { receivedAt: '2026-02-12T10:00:00+07:00' }, 'body.limit'],
    ['an instant without offset', { receivedAt: '2026-02-12T10:00:00', limit: { workingDays: 1 } }, 'body.receivedAt'],
    ['a date only', { receivedAt: '2026-02-12', limit: { workingDays: 1 } }, 'body.receivedAt'],
    ['a limit that is not a half-day step', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 0.3 } }, 'body.limit'],
    ['a negative limit', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingHours: -1 } }, 'body.limit'],
    ['a bad cut-off', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { sameDay: true, cutoff: '25:00' } }, 'body.limit'],
    ['two limit forms at once', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 1, workingHours: 2 } }, 'body.limit'],
    ['an unknown field', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 1 }, timezone: 'UTC' }, 'body'],
    ['a malformed center id', { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 1 }, centerId: 'H46.01' }, 'body.centerId'],
  ])('400 problem for %s', async (_name, payload, path) => {
    const res = await deadline(payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors.some((e: { path: string }) => e.path.startsWith(path))).toBe(true);
  });

  it('400 problems for an unknown center, bad pauses and a year out of range', async () => {
    const unknown = await deadline({ receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 1 }, centerId: '01890000-0000-7000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'calendar.unknown_center']);
    const backwards = await deadline({
      receivedAt: '2026-03-09T08:00:00+07:00',
      limit: { workingDays: 1 },
      pauses: [{ from: '2026-03-10T10:00:00+07:00', to: '2026-03-10T09:00:00+07:00' }],
    });
    expect([backwards.statusCode, backwards.json().code, backwards.json().errors[0].path]).toEqual([400, 'calendar.invalid_pauses', 'pauses.0.to']);
    const far = await deadline({ receivedAt: '2999-01-01T08:00:00+07:00', limit: { workingDays: 1 } });
    expect([far.statusCode, far.json().code]).toEqual([400, 'calendar.out_of_range']);
    const notJson = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/deadline', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect([notJson.statusCode, notJson.json().code]).toEqual([400, 'invalid_json']);
  });

  it('is rate-limited per client address', async () => {
    const payload = { receivedAt: '2026-02-12T10:00:00+07:00', limit: { workingDays: 1 } };
    const codes: number[] = [];
    for (let i = 0; i < 125; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/deadline', payload, remoteAddress: '203.0.113.9' })).statusCode);
    expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/deadline', payload, remoteAddress: '203.0.113.10' });
    expect(other.statusCode).toBe(200);
  });
});

describe('GET /api/v1/calendar/days (public)', () => {
  it('lists each day with working or off and the reason', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar/days?from=2026-02-13&to=2026-02-23' });
    expect(res.statusCode).toBe(200);
    const days = res.json() as { date: string; working: boolean; kind: string; reason: string | null; periods: unknown[] }[];
    expect(days).toHaveLength(11);
    expect(days[0]).toMatchObject({ date: '2026-02-13', weekday: 5, working: true, kind: 'workday', reason: null });
    expect(days[0]!.periods).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(days[1]).toMatchObject({ date: '2026-02-14', working: false, kind: 'weekend', reason: 'Nghỉ cuối tuần', periods: [] });
    expect(days[4]).toMatchObject({ date: '2026-02-17', working: false, kind: 'tet', reason: 'Tết Nguyên đán (mùng 1)', status: 'confirmed' });
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-02-13', '2026-02-23']);
  });

  it('marks a swapped working Saturday as working, with its reason', async () => {
    const [day] = (await t.app.inject({ url: '/api/v1/calendar/days?from=2025-04-26&to=2025-04-26' })).json();
    expect(day).toMatchObject({ working: true, kind: 'working_saturday', weekday: 6 });
    expect(day.reason).toMatch(/^Làm bù/);
  });

  it.each([
    ['from=2026-01-01&to=2027-02-05', 'calendar.invalid_range'],
    ['from=2026-03-01&to=2026-02-01', 'calendar.invalid_range'],
    ['from=2026-02-30&to=2026-03-01', 'validation_failed'],
    ['from=2026-02-01', 'validation_failed'],
  ])('400 problem for %s', async (query, code) => {
    const res = await t.app.inject({ url: `/api/v1/calendar/days?${query}` });
    expect([res.statusCode, res.json().code]).toEqual([400, code]);
  });

  it('answers a whole year (up to 400 days)', async () => {
    const res = await t.app.inject({ url: '/api/v1/calendar/days?from=2026-01-01&to=2026-12-31' });
    const days = res.json() as { working: boolean; kind: string }[];
    expect(days).toHaveLength(365);
    // 261 weekdays − 13 weekdays off + 2 worked Saturdays.
    expect(days.filter((d) => d.working)).toHaveLength(250);
  });
});

describe('calendar administration (province admins)', () => {
  it('lists years with their status; the next unannounced year is flagged', async () => {
    const years = (await t.app.inject({ url: '/api/v1/calendar/years' })).json() as { year: number; status: string; flagged: boolean; daysOff: number; workingSaturdays: number }[];
    expect(years.map((y) => [y.year, y.status, y.flagged])).toEqual([
      [2025, 'confirmed', false],
      [2026, 'confirmed', false],
      [2027, 'missing', true],
    ]);
    expect(years[1]).toMatchObject({ daysOff: 13, workingSaturdays: 2 });
  });

  it('refuses visitors (401) and staff other than province admins (403)', async () => {
    const body = { kind: 'government_off', name: 'Nghỉ' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-13', payload: body })).statusCode).toBe(401);
    const officer = await t.login('phuxuan.giamdoc');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-13', payload: body, headers: bearer(officer) });
    expect([res.statusCode, res.json().code]).toEqual([403, 'calendar.forbidden']);
  });

  it('an added day off changes deadlines at once, and the audit trail records who did it', async () => {
    const before = (await deadline({ receivedAt: '2026-03-12T08:00:00+07:00', limit: { workingDays: 2 } })).json().dueAt;
    expect(before).toBe('2026-03-13T17:00:00+07:00');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/days/2026-03-13',
      headers: bearer(admin),
      payload: { kind: 'government_off', name: 'Nghỉ theo quyết định của Chính phủ', source: 'Thử nghiệm' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ date: '2026-03-13', year: 2026, status: 'confirmed', updatedBy: 'admin' });
    expect((await deadline({ receivedAt: '2026-03-12T08:00:00+07:00', limit: { workingDays: 2 } })).json().dueAt).toBe('2026-03-16T17:00:00+07:00');

    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-03-13', headers: bearer(admin) });
    expect(del.statusCode).toBe(204);
    expect((await deadline({ receivedAt: '2026-03-12T08:00:00+07:00', limit: { workingDays: 2 } })).json().dueAt).toBe(before);

    const audit = (await t.app.inject({ url: '/api/v1/calendar/audit?year=2026', headers: bearer(admin) })).json() as { action: string; username: string; before: unknown; after: unknown }[];
    expect(audit.slice(0, 2).map((a) => [a.action, a.username])).toEqual([
      ['remove_day', 'admin'],
      ['upsert_day', 'admin'],
    ]);
    expect(audit[0]!.after).toBeNull();
    expect(audit[1]!.after).toMatchObject({ kind: 'government_off', name: 'Nghỉ theo quyết định của Chính phủ' });
  });

  it('rejects a make-up working day on a weekday, a removal of an ordinary day and an impossible date', async () => {
    const weekday = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-11', headers: bearer(admin), payload: { kind: 'working_saturday', name: 'Làm bù' } });
    expect([weekday.statusCode, weekday.json().code]).toEqual([422, 'calendar.not_a_weekend']);
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2026-03-11', headers: bearer(admin) });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'calendar.day_not_found']);
    const impossible = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-02-30', headers: bearer(admin), payload: { kind: 'holiday', name: 'X' } });
    expect(impossible.statusCode).toBe(400);
    const noName = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2026-03-11', headers: bearer(admin), payload: { kind: 'holiday', name: ' ' } });
    expect(noName.statusCode).toBe(400);
  });

  it('proposes 2027 from the lunar calendar; deadlines use it but are provisional until confirmed', async () => {
    const gialai = await t.login('gialai.admin');
    const proposal = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years/2027/proposal', headers: bearer(gialai) });
    expect(proposal.statusCode).toBe(200);
    const added = proposal.json().added as { date: string; status: string; updatedBy: string }[];
    expect(added.map((d) => d.date)).toContain('2027-02-08');
    expect(added.every((d) => d.status === 'proposed' && d.updatedBy === 'gialai.admin')).toBe(true);

    let years = (await t.app.inject({ url: '/api/v1/calendar/years' })).json() as { year: number; status: string; flagged: boolean; proposedDays: number }[];
    expect(years.find((y) => y.year === 2027)).toMatchObject({ status: 'proposed', flagged: true, proposedDays: added.length });

    // Thu 4 Feb 2027 + 1 working day: Fri 5 (giao thừa) to Thu 11 Feb are proposed days off.
    const over = (await deadline({ receivedAt: '2027-02-04T08:00:00+07:00', limit: { workingDays: 2 } })).json();
    expect(over).toMatchObject({ dueAt: '2027-02-12T17:00:00+07:00', provisional: true });

    const confirm = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years/2027/confirm', headers: bearer(admin) });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ year: 2027, status: 'confirmed', flagged: false, proposedDays: 0, confirmedBy: 'admin' });
    expect((await deadline({ receivedAt: '2027-02-04T08:00:00+07:00', limit: { workingDays: 2 } })).json().provisional).toBe(false);

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years/2027/proposal', headers: bearer(admin) });
    expect([again.statusCode, again.json().code]).toEqual([409, 'calendar.year_confirmed']);
    years = (await t.app.inject({ url: '/api/v1/calendar/years' })).json();
    expect(years.find((y) => y.year === 2027)?.status).toBe('confirmed');

    const audit = (await t.app.inject({ url: '/api/v1/calendar/audit?year=2027', headers: bearer(admin) })).json() as { action: string; username: string; provinceCode: string }[];
    expect(audit.map((a) => [a.action, a.username, a.provinceCode])).toEqual([
      ['confirm_year', 'admin', '46'],
      ['propose_year', 'gialai.admin', '52'],
    ]);
  });

  it('a proposed day can be confirmed on its own; an empty year cannot be confirmed', async () => {
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/days/2028-01-03', headers: bearer(admin), payload: { kind: 'substitute_off', name: 'Nghỉ bù', status: 'proposed' } });
    expect(put.json().status).toBe('proposed');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/days/2028-01-03/confirm', headers: bearer(admin) });
    expect([ok.statusCode, ok.json().status]).toEqual([200, 'confirmed']);
    const years = (await t.app.inject({ url: '/api/v1/calendar/years' })).json() as { year: number; status: string }[];
    expect(years.find((y) => y.year === 2028)?.status).toBe('proposed');
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years/2030/confirm', headers: bearer(admin) });
    expect([empty.statusCode, empty.json().code]).toEqual([422, 'calendar.year_empty']);
  });
});
