/**
 * The QR code printed on the chip-based citizen ID card (CCCD) holds
 * `idNumber|oldIdNumber|fullName|ddmmyyyy(birth)|Nam/Nữ|address|ddmmyyyy(issued)`.
 * A USB scanner types it as keystrokes followed by Enter; a camera reads the same text.
 */
export type CccdCard = {
  idNumber: string;
  /** The 9-digit number of the old identity card, when the card lists one. */
  oldIdNumber: string | null;
  fullName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  sex: 'male' | 'female';
  address: string;
  idIssuedOn: string | null;
};

export type CccdParseFailure = 'not_cccd' | 'bad_id' | 'bad_name' | 'bad_birth_date' | 'bad_sex';
export type CccdParseResult = { ok: true; card: CccdCard } | { ok: false; reason: CccdParseFailure };

/** Cheap test used on every Enter: does this look like scanned card data rather than typing? */
export function looksLikeCccdQr(text: string): boolean {
  return /^\s*\d{12}\|/.test(text) && text.split('|').length >= 7;
}

/** `ddmmyyyy` → `yyyy-mm-dd`, only for a real calendar date. */
function isoFromDdmmyyyy(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (month < 1 || month > 12 || day < 1 || year < 1900) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${yyyy}-${mm}-${dd}`;
}

function sexOf(text: string): 'male' | 'female' | null {
  const word = text.normalize('NFC').trim().toLocaleLowerCase('vi');
  if (word === 'nam') return 'male';
  if (word === 'nữ') return 'female';
  return null;
}

/** Some cards add fields after the issue date; only the first seven are defined, the rest are ignored. */
export function parseCccdQr(raw: string): CccdParseResult {
  const text = raw.normalize('NFC').replace(/[\r\n]+/g, '').trim();
  const parts = text.split('|');
  if (parts.length < 7) return { ok: false, reason: 'not_cccd' };
  const [idNumber, oldId, fullName, birth, sex, address, issued] = parts.map((p) => p.trim()) as [string, string, string, string, string, string, string];
  if (!/^\d{12}$/.test(idNumber)) return { ok: false, reason: 'bad_id' };
  if (fullName.length < 2) return { ok: false, reason: 'bad_name' };
  const dateOfBirth = isoFromDdmmyyyy(birth);
  if (!dateOfBirth) return { ok: false, reason: 'bad_birth_date' };
  const parsedSex = sexOf(sex);
  if (!parsedSex) return { ok: false, reason: 'bad_sex' };
  return {
    ok: true,
    card: {
      idNumber,
      oldIdNumber: /^\d{9}$/.test(oldId) ? oldId : null,
      fullName: fullName.replace(/\s+/g, ' '),
      dateOfBirth,
      sex: parsedSex,
      address: address.replace(/\s+/g, ' '),
      // An unreadable issue date is optional data: drop it rather than reject the whole card.
      idIssuedOn: isoFromDdmmyyyy(issued),
    },
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const bare = (s: string) => fold(s).replace(/^(phuong|xa|thi tran|dac khu)\s+/, '');

/**
 * Splits a card address ("Tổ 3, Phường Phú Xuân, Thành phố Huế") into the street part and the
 * commune of the list it names, if exactly one matches. Cards issued before the 2025 merger name
 * old communes, so no match is normal: then the whole text is the street part and the officer picks.
 */
export function splitCardAddress<T extends { code: string; name: string; fullName: string }>(address: string, communes: readonly T[]): { line: string; commune: T | null } {
  const parts = address.split(',').map((p) => p.trim()).filter(Boolean);
  for (let i = parts.length - 1; i > 0; i -= 1) {
    const part = parts[i] ?? '';
    // "Phường Phú Xuân" must not pick "Xã Phú Xuân" of the same province; a bare "Phú Xuân" may pick either.
    const exact = communes.filter((c) => fold(c.fullName) === fold(part));
    const loose = exact.length > 0 ? exact : communes.filter((c) => bare(c.fullName) === bare(part) || fold(c.name) === fold(part));
    if (loose.length === 1) return { line: parts.slice(0, i).join(', '), commune: loose[0] ?? null };
  }
  return { line: address.trim(), commune: null };
}
