import { describe, expect, it } from 'vitest';
import { dossierAnswer, type DossierFacts } from '../../src/modules/assistant/dossier-answer.ts';
import type { Passage } from '../../src/modules/assistant/passages.ts';

const procedure: Passage = {
  id: '1.001193@1#procedure',
  code: '1.001193',
  version: 1,
  versionId: '019a0000-0000-7000-8000-000000000001',
  section: 'procedure',
  procedureName: 'Đăng ký khai sinh',
  url: '/citizen/procedures/1.001193',
  heading: 'Thủ tục',
  lines: [],
};

const facts = (over: Partial<DossierFacts>): DossierFacts => ({
  code: 'H46.01-261123-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  status: 'processing',
  statusCode: 2,
  step: 'in_review',
  dueAt: '2026-11-26T17:00:00+07:00',
  paused: false,
  feeTotal: 0,
  feePaid: false,
  nextStep: 'wait_processing',
  supplementItems: [],
  ...over,
});

const expected = (f: DossierFacts, lang: 'vi' | 'en' | 'id' = 'vi') => dossierAnswer(f, procedure, ['dossier'], lang).dossier!.expected;

describe('what the assistant tells the owner of a dossier to do next', () => {
  it('says where the dossier is and when the result is due', () => {
    const a = dossierAnswer(facts({}), procedure, ['dossier'], 'en');
    expect(a.text).toBe('Dossier H46.01-261123-0001: being processed (under review by the specialist).');
    expect(a.facts[0]!.lines).toContain('Result due: 17:00 26/11/2026');
    expect(expected(facts({}), 'en')).toEqual(['Nothing for now: the dossier is being processed within its time limit.']);
  });

  it('asks for the fee with its amount, whether the fee is due before intake or after review', () => {
    expect(expected(facts({ status: 'new', step: null, nextStep: 'pay', feeTotal: 50_000 }))).toEqual(['Nộp phí, lệ phí còn thiếu: 50.000 đ.']);
    expect(expected(facts({ status: 'awaiting_payment', step: null, nextStep: 'pay', feeTotal: 50_000 }), 'id')).toEqual(['Bayar biaya yang belum dibayar: 50.000 đ.']);
  });

  it('lists every document asked for when a supplement is needed', () => {
    const f = facts({ status: 'supplement_requested', step: null, nextStep: 'supplement', paused: true, supplementItems: ['Giấy chứng sinh', 'Bản sao CCCD của mẹ'] });
    expect(expected(f)).toEqual(['Bổ sung các giấy tờ dưới đây (một lần, đủ cả danh sách):', 'Giấy chứng sinh', 'Bản sao CCCD của mẹ']);
    expect(dossierAnswer(f, procedure, ['dossier'], 'vi').facts[0]!.lines).toContain('Thời hạn đang tạm dừng trong khi chờ bạn bổ sung.');
  });
});
