import { toLocalIso } from '../calendar/index.ts';

/** How forms write dates, money and durations, in Vietnamese and Vietnam time. Pure. */

const parts = (at: Date) => {
  const iso = toLocalIso(at); // 2026-11-23T09:05:00+07:00
  return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10), hh: iso.slice(11, 13), mm: iso.slice(14, 16) };
};

/** "09 giờ 05 phút, ngày 23/11/2026" */
export function vnDateTime(at: Date): string {
  const p = parts(at);
  return `${p.hh} giờ ${p.mm} phút, ngày ${p.d}/${p.m}/${p.y}`;
}

/** "23/11/2026 09:05" for table cells. */
export function vnShort(at: Date): string {
  const p = parts(at);
  return `${p.d}/${p.m}/${p.y} ${p.hh}:${p.mm}`;
}

/** "ngày 23 tháng 11 năm 2026", as under the national motto. */
export function vnLongDate(at: Date): string {
  const p = parts(at);
  return `ngày ${p.d} tháng ${p.m} năm ${p.y}`;
}

/** 70000 → "70.000 đồng". */
export function vnMoney(amount: number): string {
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đồng`;
}

const HOUR = 3_600_000;
const WORKING_DAY = 8 * HOUR;

/** Working time as "1 ngày 2 giờ 30 phút" (one working day = 8 hours, as the legal clock counts). */
export function vnWorkingDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes <= 0) return '0 phút';
  const days = Math.floor(minutes / (WORKING_DAY / 60_000));
  const hours = Math.floor((minutes % (WORKING_DAY / 60_000)) / 60);
  const mins = minutes % 60;
  return [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', mins ? `${mins} phút` : ''].filter(Boolean).join(' ');
}

export const roleLabels: Record<string, string> = {
  counter_officer: 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  director: 'Giám đốc Trung tâm',
  province_admin: 'Quản trị tỉnh',
  system: 'Hệ thống',
  citizen: 'Công dân',
};

export const actionLabels: Record<string, string> = {
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  receive_supplement: 'Nhận hồ sơ bổ sung',
  assign: 'Chuyển chuyên viên xử lý',
  reassign: 'Chuyển người xử lý khác',
  start_review: 'Bắt đầu thẩm định',
  submit_for_approval: 'Trình lãnh đạo phê duyệt',
  send_back: 'Trả lại để xử lý tiếp',
  approve: 'Phê duyệt, ký kết quả',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  record_payment: 'Ghi nhận đã nộp phí',
  finish: 'Hoàn thành, chuyển kết quả',
  return_result: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  stop: 'Dừng giải quyết',
  apologize: 'Xin lỗi, hẹn lại ngày trả',
};

export const outcomeLabels = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' } as const;
