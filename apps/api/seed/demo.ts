import type { Role, WorkingHours } from '@motcua/contracts';
import type { Clock } from '../src/platform/clock.ts';
import type { Db } from '../src/platform/db/client.ts';
import type { Ids } from '../src/platform/ids.ts';
import { hashPassword } from '../src/modules/auth/index.ts';
import { users } from '../src/modules/auth/auth.tables.ts';
import { centers, counters, serviceGroups } from '../src/modules/units/units.tables.ts';

const weekday = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const officeHours: WorkingHours = { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday };

type DemoCenter = {
  agencyCode: string;
  name: string;
  level: 'province' | 'commune';
  provinceCode: string;
  communeCode: string | null;
  address: string;
  userPrefix: string;
  counters: number;
  workingHours: WorkingHours;
  staff: [string, string, string, string];
};

/** The units named in the press reports on the 1 July 2025 commune centers, plus each province's own center. */
export const demoCenters: DemoCenter[] = [
  {
    agencyCode: 'H46',
    name: 'Trung tâm Phục vụ hành chính công thành phố Huế',
    level: 'province',
    provinceCode: '46',
    communeCode: null,
    address: 'Thành phố Huế',
    userPrefix: 'hue',
    counters: 6,
    workingHours: officeHours,
    staff: ['Hoàng Thị Thu Hà', 'Trần Đức Anh', 'Lê Quang Vinh', 'Nguyễn Văn Phước'],
  },
  {
    agencyCode: 'H46.01',
    name: 'Trung tâm Phục vụ hành chính công phường Phú Xuân',
    level: 'commune',
    provinceCode: '46',
    communeCode: '19753',
    address: 'Phường Phú Xuân, Thành phố Huế',
    userPrefix: 'phuxuan',
    counters: 4,
    // Saturday-morning intake, which (by law) adds no counting time to deadlines.
    workingHours: { ...officeHours, '6': [{ start: '07:30', end: '11:30' }] },
    staff: ['Nguyễn Thị Mai', 'Phan Văn Dũng', 'Tôn Nữ Thanh Hương', 'Lê Văn Hùng'],
  },
  {
    agencyCode: 'H52',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Gia Lai',
    level: 'province',
    provinceCode: '52',
    communeCode: null,
    address: 'Tỉnh Gia Lai',
    userPrefix: 'gialai',
    counters: 6,
    workingHours: officeHours,
    staff: ['Đinh Thị Hạnh', 'Võ Minh Tuấn', 'Rơ Châm Hyơk', 'Trương Công Thành'],
  },
  {
    agencyCode: 'H52.01',
    name: 'Trung tâm Phục vụ hành chính công xã Ayun',
    level: 'commune',
    provinceCode: '52',
    communeCode: '23798',
    address: 'Xã Ayun, Tỉnh Gia Lai',
    userPrefix: 'ayun',
    counters: 3,
    workingHours: officeHours,
    staff: ['Siu H’Mai', 'Ksor Y Bình', 'Nguyễn Thị Liên', 'Rơ Mah Tơn'],
  },
  {
    agencyCode: 'H24',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
    level: 'province',
    provinceCode: '24',
    communeCode: null,
    address: 'Tỉnh Bắc Ninh',
    userPrefix: 'bacninh',
    counters: 6,
    workingHours: officeHours,
    staff: ['Ngô Thị Thảo', 'Nguyễn Hữu Đạt', 'Đỗ Văn Khánh', 'Trần Thị Ngọc Lan'],
  },
  {
    agencyCode: 'H24.01',
    name: 'Trung tâm Phục vụ hành chính công phường Từ Sơn',
    level: 'commune',
    provinceCode: '24',
    communeCode: '09367',
    address: 'Phường Từ Sơn, Tỉnh Bắc Ninh',
    userPrefix: 'tuson',
    counters: 4,
    workingHours: officeHours,
    staff: ['Nguyễn Thị Hằng', 'Vũ Văn Quyết', 'Phạm Thị Dịu', 'Nguyễn Đình Toàn'],
  },
];

/** Counters by the service groups centers typically set up (first N used). */
const counterNames = ['Tư pháp – Hộ tịch', 'Đất đai – Xây dựng', 'Kinh doanh – Đầu tư', 'Chứng thực', 'Lao động – Xã hội', 'Tổng hợp'];

/** The service groups every demo center offers at its kiosk (letter = ticket prefix). */
export const demoServiceGroups = [
  { code: 'A', name: 'Hộ tịch' },
  { code: 'B', name: 'Đất đai' },
  { code: 'C', name: 'Kinh doanh' },
  { code: 'D', name: 'Chứng thực' },
  { code: 'E', name: 'Khác' },
];

const staffRoles: [Role, string][] = [
  ['counter_officer', 'motcua'],
  ['specialist', 'chuyenvien'],
  ['leader', 'lanhdao'],
  ['director', 'giamdoc'],
];

export const demoProvinceAdmins = [
  { username: 'admin', fullName: 'Nguyễn Văn Quản', provinceCode: '46' },
  { username: 'gialai.admin', fullName: 'Rơ Lan Hoa', provinceCode: '52' },
  { username: 'bacninh.admin', fullName: 'Nguyễn Thị Bích', provinceCode: '24' },
];

export type DemoLogin = { username: string; role: Role; unit: string };

/** Every demo login, for the start banner and the README. */
export function demoLogins(): DemoLogin[] {
  return [
    ...demoProvinceAdmins.map((a) => ({ username: a.username, role: 'province_admin' as Role, unit: `province ${a.provinceCode}` })),
    ...demoCenters.flatMap((c) => staffRoles.map(([role, suffix]) => ({ username: `${c.userPrefix}.${suffix}`, role, unit: c.agencyCode }))),
  ];
}

/** Demo centers, counters and staff; keyed by agency code and username so a rerun adds nothing. */
export async function seedDemo(tx: Db, deps: { clock: Clock; ids: Ids; password: string }): Promise<{ users: number }> {
  const now = deps.clock.now();
  let created = 0;
  for (const c of demoCenters) {
    await tx
      .insert(centers)
      .values({
        id: deps.ids.next(),
        provinceCode: c.provinceCode,
        communeCode: c.communeCode,
        agencyCode: c.agencyCode,
        name: c.name,
        level: c.level,
        address: c.address,
        workingHours: c.workingHours,
        createdAt: now,
      })
      .onConflictDoNothing();
  }
  const all = await tx.select({ id: centers.id, agencyCode: centers.agencyCode }).from(centers);
  const idOf = new Map(all.map((r) => [r.agencyCode, r.id]));
  for (const c of demoCenters) {
    const centerId = idOf.get(c.agencyCode)!;
    await tx
      .insert(counters)
      .values(Array.from({ length: c.counters }, (_, i) => ({ id: deps.ids.next(), provinceCode: c.provinceCode, centerId, number: i + 1, name: counterNames[i]! })))
      .onConflictDoNothing();
    await tx
      .insert(serviceGroups)
      .values(demoServiceGroups.map((g, i) => ({ id: deps.ids.next(), provinceCode: c.provinceCode, centerId, code: g.code, name: g.name, sortOrder: i + 1 })))
      .onConflictDoNothing();
    for (const [i, [role, suffix]] of staffRoles.entries()) {
      created += await insertUser(tx, deps, now, { username: `${c.userPrefix}.${suffix}`, fullName: c.staff[i]!, role, provinceCode: c.provinceCode, centerId });
    }
  }
  for (const a of demoProvinceAdmins) {
    created += await insertUser(tx, deps, now, { ...a, role: 'province_admin', centerId: null });
  }
  return { users: created };
}

async function insertUser(
  tx: Db,
  deps: { ids: Ids; password: string },
  now: Date,
  u: { username: string; fullName: string; role: Role; provinceCode: string; centerId: string | null },
): Promise<number> {
  const rows = await tx
    .insert(users)
    .values({ id: deps.ids.next(), ...u, passwordHash: await hashPassword(deps.password), isDemo: true, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return rows.length;
}
