import { describe, expect, it } from 'vitest';
import { looksLikeCccdQr, parseCccdQr, splitCardAddress } from '../src/features/dossier/cccd-qr.ts';

const card = '046190000123|191234567|Nguyễn Thị Hoa|01051990|Nữ|Tổ 3, Phường Phú Xuân, Thành phố Huế|15082021';

describe('CCCD QR parser', () => {
  it('reads every field of a chip-based ID card', () => {
    expect(parseCccdQr(card)).toEqual({
      ok: true,
      card: {
        idNumber: '046190000123',
        oldIdNumber: '191234567',
        fullName: 'Nguyễn Thị Hoa',
        dateOfBirth: '1990-05-01',
        sex: 'female',
        address: 'Tổ 3, Phường Phú Xuân, Thành phố Huế',
        idIssuedOn: '2021-08-15',
      },
    });
  });

  it('accepts what a USB scanner types: trailing newline, no old number, "Nam", extra fields', () => {
    const result = parseCccdQr('001203012345||Trần Văn  Bình|29022004|Nam|Thôn 1, Xã Ayun|01012022|extra|fields\r\n');
    expect(result).toEqual({
      ok: true,
      card: {
        idNumber: '001203012345',
        oldIdNumber: null,
        fullName: 'Trần Văn Bình',
        dateOfBirth: '2004-02-29',
        sex: 'male',
        address: 'Thôn 1, Xã Ayun',
        idIssuedOn: '2022-01-01',
      },
    });
  });

  it('reads decomposed Vietnamese (as some scanners send it) the same as composed', () => {
    const decomposed = card.normalize('NFD');
    const result = parseCccdQr(decomposed);
    expect(result.ok && result.card.fullName).toBe('Nguyễn Thị Hoa');
    expect(result.ok && result.card.sex).toBe('female');
  });

  it('keeps the card when only the optional issue date is unreadable', () => {
    const result = parseCccdQr('046190000123||Nguyễn Thị Hoa|01051990|Nữ|Huế|');
    expect(result.ok && result.card.idIssuedOn).toBeNull();
  });

  it.each([
    ['plain typing', 'Nguyễn Thị Hoa', 'not_cccd'],
    ['too few fields', '046190000123|x|Nguyễn Thị Hoa|01051990', 'not_cccd'],
    ['11-digit number', '04619000012||Nguyễn Thị Hoa|01051990|Nữ|Huế|15082021', 'bad_id'],
    ['no name', '046190000123|||01051990|Nữ|Huế|15082021', 'bad_name'],
    ['31 February', '046190000123||Nguyễn Thị Hoa|31021990|Nữ|Huế|15082021', 'bad_birth_date'],
    ['29 February of a common year', '046190000123||Nguyễn Thị Hoa|29021990|Nữ|Huế|15082021', 'bad_birth_date'],
    ['ISO date instead of ddmmyyyy', '046190000123||Nguyễn Thị Hoa|1990-05-01|Nữ|Huế|15082021', 'bad_birth_date'],
    ['unknown sex', '046190000123||Nguyễn Thị Hoa|01051990|Khác|Huế|15082021', 'bad_sex'],
  ])('refuses %s', (_name, text, reason) => {
    expect(parseCccdQr(text)).toEqual({ ok: false, reason });
  });

  it('tells scanned card data from typing, so Enter in any field can be caught', () => {
    expect(looksLikeCccdQr(card)).toBe(true);
    expect(looksLikeCccdQr('046190000123')).toBe(false);
    expect(looksLikeCccdQr('Nguyễn|Thị|Hoa')).toBe(false);
  });
});

describe('card address → street part and commune', () => {
  const communes = [
    { code: '19753', name: 'Phú Xuân', fullName: 'Phường Phú Xuân' },
    { code: '19999', name: 'Phú Xuân', fullName: 'Xã Phú Xuân' },
    { code: '19774', name: 'Thuận Hóa', fullName: 'Phường Thuận Hóa' },
  ];

  it('finds the commune named in full and keeps what comes before it as the street part', () => {
    expect(splitCardAddress('Số 5, Tổ 3, Phường Phú Xuân, Thành phố Huế', communes)).toEqual({ line: 'Số 5, Tổ 3', commune: communes[0] });
  });

  it('matches without accents or case', () => {
    expect(splitCardAddress('12 Le Loi, phuong thuan hoa, Hue', communes).commune?.code).toBe('19774');
  });

  it('does not guess between two communes with the same bare name', () => {
    expect(splitCardAddress('Tổ 3, Phú Xuân, Huế', communes)).toEqual({ line: 'Tổ 3, Phú Xuân, Huế', commune: null });
  });

  it('leaves an old (pre-2025) commune for the officer to pick', () => {
    expect(splitCardAddress('Tổ 1, Phường Vĩnh Ninh, Thành phố Huế', communes)).toEqual({ line: 'Tổ 1, Phường Vĩnh Ninh, Thành phố Huế', commune: null });
  });
});
