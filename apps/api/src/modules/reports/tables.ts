import type { DrillResponse, Leaderboard, ScoreResponse } from '@motcua/contracts';
import type { Table } from './export.ts';

/** The tables the dashboards show, as exported: Vietnamese headers, numbers as numbers. */
export function leaderboardTable(l: Leaderboard): Table {
  return {
    title: `Xếp hạng ${l.from} – ${l.to}`,
    columns: [
      { key: 'rank', header: 'Hạng' },
      { key: 'unitCode', header: 'Mã đơn vị' },
      { key: 'unitName', header: 'Đơn vị' },
      { key: 'total', header: 'Tổng điểm', numFmt: '0.00' },
      { key: 'stars', header: 'Số sao' },
      { key: 'transparency', header: 'Công khai, minh bạch', numFmt: '0.00' },
      { key: 'progress', header: 'Tiến độ giải quyết', numFmt: '0.00' },
      { key: 'online', header: 'Dịch vụ trực tuyến', numFmt: '0.00' },
      { key: 'payment', header: 'Thanh toán trực tuyến', numFmt: '0.00' },
      { key: 'digitisation', header: 'Số hóa hồ sơ', numFmt: '0.00' },
      { key: 'satisfaction', header: 'Mức độ hài lòng', numFmt: '0.00' },
      { key: 'received', header: 'Hồ sơ tiếp nhận' },
      { key: 'onTimeRate', header: 'Tỉ lệ đúng hạn', numFmt: '0.00%' },
      { key: 'onlineRate', header: 'Tỉ lệ trực tuyến', numFmt: '0.00%' },
    ],
    rows: l.rows.map((r) => ({ rank: r.rank, unitCode: r.unitCode, unitName: r.unitName, total: r.total, stars: r.stars, ...r.groups, received: r.received, onTimeRate: r.onTimeRate, onlineRate: r.onlineRate })),
  };
}

export function scoreTable(unitName: string, s: ScoreResponse): Table {
  return {
    title: `Chỉ số 766 ${unitName}`,
    columns: [
      { key: 'group', header: 'Nhóm' },
      { key: 'id', header: 'Chỉ số' },
      { key: 'numerator', header: 'Tử số' },
      { key: 'denominator', header: 'Mẫu số' },
      { key: 'points', header: 'Điểm', numFmt: '0.00' },
      { key: 'max', header: 'Tối đa' },
    ],
    rows: s.groups.flatMap((g) => g.indicators.map((i) => ({ group: g.id, id: i.id, numerator: i.numerator, denominator: i.denominator, points: i.points, max: i.max }))),
  };
}

export function drillTable(d: DrillResponse): Table {
  return {
    title: `Chỉ số ${d.indicator} ${d.set}`,
    columns: [
      { key: 'code', header: 'Mã hồ sơ' },
      { key: 'unitCode', header: 'Mã đơn vị' },
      { key: 'procedureCode', header: 'Mã thủ tục' },
      { key: 'procedureName', header: 'Thủ tục' },
      { key: 'channel', header: 'Kênh' },
      { key: 'status', header: 'Trạng thái' },
      { key: 'receivedAt', header: 'Tiếp nhận' },
      { key: 'dueAt', header: 'Hẹn trả' },
      { key: 'finishedAt', header: 'Hoàn thành' },
      { key: 'outcome', header: 'Kết quả' },
    ],
    rows: d.rows.map((r) => ({ ...r })),
  };
}
