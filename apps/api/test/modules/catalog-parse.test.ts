import { describe, expect, it } from 'vitest';
import { channelsOf, readDocuments } from '../../src/modules/catalog/documents-parse.ts';
import { checklistOf } from '../../src/modules/dossier/dossier.rules.ts';
import { readChannelCell } from '../../src/modules/catalog/import-parse.ts';
import { readChannels, readFee, readLegalBasis, readTimeLimit } from '../../src/modules/catalog/source-parse.ts';

// Inputs are taken verbatim from records of the National Public Service Portal.
describe('reading published time limits', () => {
  const plain = { mentionsCutoff: false };
  it('keeps clear units and flags every guess', () => {
    expect(readTimeLimit('3', 'Ngày làm việc', plain)).toEqual({ timeLimit: { workingDays: 3 }, text: '3 Ngày làm việc', doubt: null });
    expect(readTimeLimit('8', 'Giờ', plain)).toEqual({ timeLimit: { workingHours: 8 }, text: '8 Giờ', doubt: null });
    expect(readTimeLimit('1.5', 'Ngày làm việc', plain).timeLimit).toEqual({ workingDays: 1.5 });
    expect(readTimeLimit('15', 'Ngày', plain)).toMatchObject({ timeLimit: { workingDays: 15 }, doubt: expect.stringContaining('calendar days') });
    expect(readTimeLimit('5', '', plain)).toMatchObject({ timeLimit: { workingDays: 5 }, doubt: '"5" without a unit read as 5 working days' });
    expect(readTimeLimit('1', '', { mentionsCutoff: true })).toMatchObject({ timeLimit: { sameDay: true, cutoff: '15:00' } });
    expect(readTimeLimit('6', 'Tháng', plain)).toMatchObject({ timeLimit: null, doubt: expect.stringContaining('months') });
    expect(readTimeLimit('', '', plain)).toMatchObject({ timeLimit: null, doubt: 'no time limit stated' });
  });
});

describe('reading published fees', () => {
  it('turns amounts into whole đồng and cross-checks the note', () => {
    expect(readFee('70,000 VNĐ', '(70.000 đồng/Giấy chứng nhận)')).toEqual({ fees: [{ label: 'Phí, lệ phí', amount: 70000 }], doubts: [] });
    expect(readFee('Miễn phí', '')).toEqual({ fees: [], doubts: [] });
    expect(readFee('', 'Không có thông tin')).toEqual({ fees: null, doubts: ['fees not stated'] });
    // The portal lists 40 đ where its own note says 4.000 đ per pass.
    expect(readFee('40 Việt Nam Đồng', '(4.000 đ/giấy thông hành (áp dụng đến hết ngày 31/12/2026 …)').doubts).toEqual([
      'fee of 40 đ is implausibly small',
      'fee 40 đ differs from the note (4.000 đ)',
    ]);
    expect(readFee('Miễn phí', '(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định.)').doubts).toHaveLength(1);
    expect(readFee('100 USD', '')).toMatchObject({ fees: null, doubts: [expect.stringContaining('US dollars')] });
  });
});

describe('reading channels', () => {
  it('groups entries per channel, keeps the longest as the limit and lists the other cases', () => {
    const raw = readChannelCell('Trực tuyến: 5 Ngày làm việc; Trực tiếp: 5 Ngày làm việc; Trực tuyến: 30 Ngày làm việc; Trực tiếp: 30 Ngày làm việc');
    const { channels, flags } = readChannels(raw, { mentionsCutoff: false });
    expect(channels.map((c) => [c.channel, c.timeLimit, c.cases.map((k) => k.timeLimit)])).toEqual([
      ['counter', { workingDays: 30 }, [{ workingDays: 5 }]],
      ['online', { workingDays: 30 }, [{ workingDays: 5 }]],
    ]);
    expect(channels[0]!.fees).toBeNull();
    expect(flags.map((f) => f.field)).toEqual(['channels[counter,online]', 'channels[counter,online]']);
  });

  it('reads a fee without a time ("Trực tuyến: / 120,000 VNĐ")', () => {
    expect(readChannelCell('Trực tuyến: / 120,000 VNĐ')).toEqual([{ channel: 'Trực tuyến', time: '', unit: '', fee: '120,000 VNĐ', note: '' }]);
  });
});

describe('reading the document table', () => {
  it('splits items at their counts, separates form files, sections and remarks', () => {
    const text =
      '* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng' +
      'Đơn đề nghị (Mẫu số 01 ban hành kèm theo Thông tư số 14/2024/TT-BCA).Mẫu số 01 - Đơn tham gia.docx1 bản chính' +
      'Bằng tốt nghiệp trung học cơ sở0 bản chính,1 bản sao' +
      'Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.0 bản chính' +
      '* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Thẻ căn cước còn giá trị sử dụng1 bản chính' +
      'Biên bản họp theo Mẫu số 04 ngày 31/12/20251 bản chính';
    const { documents, notes } = readDocuments(text);
    expect(documents.map((d) => [d.id, d.name, d.form, d.kind, d.originals, d.copies, d.requirement, d.reuse])).toEqual([
      ['d01', 'Đơn đề nghị (Mẫu số 01 ban hành kèm theo Thông tư số 14/2024/TT-BCA).', 'Mẫu số 01 - Đơn tham gia.docx', 'submit', 1, 0, 'mandatory', 'none'],
      ['d02', 'Bằng tốt nghiệp trung học cơ sở', null, 'submit', 0, 1, 'mandatory', 'none'],
      ['d03', 'Thẻ căn cước còn giá trị sử dụng', null, 'present', 1, 0, 'mandatory', 'population_db'],
      ['d04', 'Biên bản họp theo Mẫu số 04 ngày 31/12/2025', null, 'present', 1, 0, 'mandatory', 'none'],
    ]);
    expect(notes).toEqual(['Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.']);
  });
});

describe('reading the legal basis table', () => {
  it('splits titles from document numbers', () => {
    expect(readLegalBasis('Tên văn bản pháp lýMã văn bảnLuật Hợp tác xã17/2023/QH15Nghị định số 113/2024/NĐ-CP của Chính phủ113/2024/NĐ-CP')).toEqual([
      { title: 'Luật Hợp tác xã', number: '17/2023/QH15' },
      { title: 'Nghị định số 113/2024/NĐ-CP của Chính phủ', number: '113/2024/NĐ-CP' },
    ]);
  });
});

describe('documents asked for on some channels only', () => {
  it('reads the channel clause of the published text, and leaves other documents for every channel', () => {
    expect(channelsOf('Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)')).toEqual({ channels: ['online'] });
    expect(channelsOf('Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);')).toEqual({ channels: ['counter', 'postal'] });
    expect(channelsOf('Giấy chứng sinh')).toEqual({});
  });

  it('at the counter the online-only e-form is not required, online it is, and the paper declaration the other way round', () => {
    const version = {
      documents: [
        { id: 'd07', name: 'Tờ khai', kind: 'submit' as const, requirement: 'mandatory' as const, channels: ['counter' as const, 'postal' as const] },
        { id: 'd08', name: 'Mẫu hộ tịch điện tử', kind: 'submit' as const, requirement: 'mandatory' as const, channels: ['online' as const] },
        { id: 'd04', name: 'Giấy chứng sinh', kind: 'submit' as const, requirement: 'mandatory' as const },
      ],
    };
    const required = (channel?: 'counter' | 'online' | 'postal') => checklistOf(version, channel).filter((i) => i.required).map((i) => i.id);
    expect(required('counter')).toEqual(['d07', 'd04']);
    expect(required('online')).toEqual(['d08', 'd04']);
    expect(required('postal')).toEqual(['d07', 'd04']);
    expect(checklistOf(version, 'counter').map((i) => i.id)).toEqual(['d07', 'd08', 'd04']);
  });
});
