/**
 * How people say it → how the catalog says it, all folded (no diacritics). Longer phrases are
 * tried first; a matched phrase is replaced, so "làm giấy khai sinh" becomes the catalog's
 * "đăng ký khai sinh" and English or Indonesian words become Vietnamese ones the names contain.
 * `also` entries keep the words and add the other spelling (abbreviations used in names).
 */
const REPLACE: [string, string][] = [
  // Civil status (hộ tịch)
  ['ban sao giay khai sinh', 'cap ban sao trich luc ho tich ban sao giay khai sinh'],
  ['trich luc khai sinh', 'cap ban sao trich luc ho tich'],
  ['lam giay khai sinh', 'dang ky khai sinh'],
  ['lam khai sinh', 'dang ky khai sinh'],
  ['giay khai sinh', 'dang ky khai sinh'],
  ['khai sinh', 'dang ky khai sinh'],
  ['giay bao tu', 'dang ky khai tu'],
  ['bao tu', 'dang ky khai tu'],
  ['qua doi', 'dang ky khai tu'],
  ['khai tu', 'dang ky khai tu'],
  ['giay chung nhan ket hon', 'dang ky ket hon'],
  ['lay vo', 'ket hon'],
  ['lay chong', 'ket hon'],
  ['ket hon', 'dang ky ket hon'],
  ['giay xac nhan doc than', 'xac nhan tinh trang hon nhan'],
  ['xac nhan doc than', 'xac nhan tinh trang hon nhan'],
  ['doc than', 'xac nhan tinh trang hon nhan'],
  ['chua ket hon', 'xac nhan tinh trang hon nhan'],
  ['xac nhan hon nhan', 'xac nhan tinh trang hon nhan'],
  ['nhan cha cho con', 'nhan cha me con'],
  ['nhan me cho con', 'nhan cha me con'],
  ['nhan con', 'nhan cha me con'],
  ['nhan con nuoi', 'nuoi con nuoi'],
  ['sua lai ten', 'cai chinh'],
  ['sai ten', 'cai chinh'],
  ['sua ten', 'cai chinh'],
  ['doi ten', 'thay doi cai chinh'],
  ['bi sai', 'cai chinh'],
  ['ly di', 'ly hon'],
  // Residence (cư trú)
  ['nhap ho khau', 'dang ky thuong tru'],
  ['nhap khau', 'dang ky thuong tru'],
  ['cat ho khau', 'xoa dang ky thuong tru'],
  ['cat khau', 'xoa dang ky thuong tru'],
  ['tach ho khau', 'tach ho'],
  ['tach khau', 'tach ho'],
  ['ho khau', 'thuong tru'],
  ['thue tro', 'tam tru'],
  ['o tro', 'tam tru'],
  ['tam chu', 'tam tru'],
  ['khach tro', 'luu tru'],
  // Identity (căn cước)
  ['can cuoc cong dan', 'the can cuoc'],
  ['cccd', 'the can cuoc'],
  ['cmnd', 'chung minh nhan dan'],
  ['cap the can cuoc lan dau', 'cap the can cuoc cho nguoi tu du 14 tuoi tro len'],
  ['lam can cuoc lan dau', 'cap the can cuoc cho nguoi tu du 14 tuoi tro len'],
  ['lam can cuoc', 'cap the can cuoc'],
  ['the het han', 'cap doi the'],
  ['het han', 'cap doi'],
  ['bi mat', 'cap lai'],
  ['lam mat', 'cap lai'],
  ['danh mat', 'cap lai'],
  ['lam lai', 'cap lai'],
  ['xin lai', 'cap lai'],
  ['vneid', 'tai khoan dinh danh dien tu'],
  // Land and building
  ['so do', 'giay chung nhan quyen su dung dat'],
  ['so hong', 'giay chung nhan quyen su dung dat'],
  ['the chap', 'dang ky bien phap bao dam'],
  ['giay phep xay nha', 'giay phep xay dung nha o'],
  ['xay nha', 'giay phep xay dung nha o'],
  ['sua nha', 'sua chua cai tao nha o'],
  ['mua ban nha dat', 'giao dich quyen su dung dat nha o'],
  ['hop dong mua ban', 'giao dich'],
  ['thua ke', 'di san'],
  ['gieng khoan', 'khai thac nuoc duoi dat'],
  // Certification (chứng thực)
  ['photo cong chung', 'chung thuc ban sao'],
  ['cong chung ban sao', 'chung thuc ban sao'],
  ['sao y ban chinh', 'chung thuc ban sao'],
  ['sao y', 'chung thuc ban sao'],
  ['cong chung', 'chung thuc'],
  ['chu ki', 'chu ky'],
  // Business
  ['mo quan', 'dang ky thanh lap ho kinh doanh'],
  ['mo cua hang', 'dang ky thanh lap ho kinh doanh'],
  ['dang ky ho kinh doanh ca the', 'dang ky thanh lap ho kinh doanh'],
  ['dang ky kinh doanh ho gia dinh', 'dang ky thanh lap ho kinh doanh'],
  ['dang ky ho kinh doanh', 'dang ky thanh lap ho kinh doanh'],
  ['dang ky kinh doanh', 'dang ky thanh lap ho kinh doanh'],
  ['kinh doanh ca the', 'ho kinh doanh'],
  ['kinh doanh ho gia dinh', 'ho kinh doanh'],
  ['dong cua', 'cham dut hoat dong'],
  // Social insurance
  ['rut bao hiem xa hoi', 'bao hiem xa hoi mot lan'],
  ['1 lan', 'mot lan'],
  ['tien thai san', 'che do thai san'],
  ['nghi de', 'che do thai san'],
  ['lanh thay', 'uy quyen linh thay'],
  // Vehicles
  ['xe may', 'xe'],
  ['o to', 'xe'],
  ['bien so', 'bien so xe'],
  ['via he', 'long duong via he'],
  // English
  ['birth certificate', 'dang ky khai sinh'],
  ['register a birth', 'dang ky khai sinh'],
  ['birth registration', 'dang ky khai sinh'],
  ['birth', 'dang ky khai sinh'],
  ['death certificate', 'dang ky khai tu'],
  ['death', 'dang ky khai tu'],
  ['certificate of marital status', 'xac nhan tinh trang hon nhan'],
  ['marital status', 'xac nhan tinh trang hon nhan'],
  ['single status', 'xac nhan tinh trang hon nhan'],
  ['get married', 'dang ky ket hon'],
  ['marriage', 'dang ky ket hon'],
  ['married', 'dang ky ket hon'],
  ['marry', 'dang ky ket hon'],
  ['divorce', 'ly hon'],
  ['guardian', 'giam ho'],
  ['adoption', 'nuoi con nuoi'],
  ['adopt', 'nuoi con nuoi'],
  ['permanent residence', 'dang ky thuong tru'],
  ['temporary residence', 'dang ky tam tru'],
  ['temporary absence', 'khai bao tam vang'],
  ['identity card', 'the can cuoc'],
  ['id card', 'the can cuoc'],
  ['passport', 'ho chieu'],
  ['lost', 'cap lai'],
  ['household business', 'ho kinh doanh'],
  ['certified copy', 'chung thuc ban sao'],
  ['notarize', 'chung thuc'],
  ['notarise', 'chung thuc'],
  ['signature', 'chu ky'],
  ['building permit', 'giay phep xay dung'],
  ['construction permit', 'giay phep xay dung'],
  ['house', 'nha o'],
  ['maternity', 'che do thai san'],
  ['social insurance', 'bao hiem xa hoi'],
  ['health insurance', 'bao hiem y te'],
  ['land use right', 'quyen su dung dat'],
  ['poor household', 'ho ngheo'],
  ['register', 'dang ky'],
  ['registration', 'dang ky'],
  ['certificate', 'giay chung nhan'],
  ['document', 'giay to'],
  // Indonesian
  ['akta kelahiran', 'dang ky khai sinh'],
  ['kelahiran', 'dang ky khai sinh'],
  ['akta kematian', 'dang ky khai tu'],
  ['kematian', 'dang ky khai tu'],
  ['belum menikah', 'xac nhan tinh trang hon nhan'],
  ['status perkawinan', 'xac nhan tinh trang hon nhan'],
  ['pernikahan', 'dang ky ket hon'],
  ['perkawinan', 'dang ky ket hon'],
  ['menikah', 'dang ky ket hon'],
  ['nikah', 'dang ky ket hon'],
  ['cerai', 'ly hon'],
  ['adopsi', 'nuoi con nuoi'],
  ['tempat tinggal sementara', 'dang ky tam tru'],
  ['tempat tinggal tetap', 'dang ky thuong tru'],
  ['kartu identitas', 'the can cuoc'],
  ['ktp', 'the can cuoc'],
  ['paspor', 'ho chieu'],
  ['hilang', 'cap lai'],
  ['izin usaha rumah tangga', 'dang ky thanh lap ho kinh doanh'],
  ['usaha rumah tangga', 'ho kinh doanh'],
  ['izin usaha', 'dang ky thanh lap ho kinh doanh'],
  ['legalisir', 'chung thuc ban sao'],
  ['fotokopi', 'ban sao'],
  ['izin mendirikan bangunan', 'giay phep xay dung'],
  ['mendaftarkan', 'dang ky'],
  ['pendaftaran', 'dang ky'],
  ['daftar', 'dang ky'],
  ['surat keterangan', 'giay xac nhan'],
];

/** Abbreviations used in names and by people alike: expanded on both sides before matching. */
const ABBREVIATIONS: [string, string][] = [
  ['bhxh', 'bao hiem xa hoi'],
  ['bhyt', 'bao hiem y te'],
  ['bhtn', 'bao hiem that nghiep'],
  ['bhtnld', 'bao hiem tai nan lao dong'],
  ['tnld', 'tai nan lao dong'],
  ['bnn', 'benh nghe nghiep'],
  ['dsphsk', 'duong suc phuc hoi suc khoe'],
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['kcb', 'kham chua benh'],
  ['gcn', 'giay chung nhan'],
  ['qsdd', 'quyen su dung dat'],
];
const abbreviationTable = ABBREVIATIONS.map(([from, to]) => [new RegExp(`(^| )${from}(?= |$)`, 'g'), `$1${to}`] as const);

export function expandAbbreviations(folded: string): string {
  return abbreviationTable.reduce((acc, [pattern, to]) => acc.replace(pattern, to), folded);
}

/** "15 tuổi": some procedures differ by age (identity card from 14, children under 6). */
function ages(text: string): string[] {
  return [...text.matchAll(/(?:^| )(\d{1,2}) tuoi(?= |$)/g)].map((m) => {
    const n = Number(m[1]);
    const under = /(?:duoi|chua du|chua den) $/.test(text.slice(0, m.index + 1));
    if (under) return '';
    return n >= 14 ? 'tu du 14 tuoi tro len' : n < 6 ? 'duoi 14 tuoi duoi 6 tuoi' : 'duoi 14 tuoi';
  });
}

const byLength = (list: [string, string][]) => [...list].sort((a, b) => b[0].length - a[0].length);
const replaceTable = byLength(REPLACE).map(([from, to]) => [new RegExp(`(^| )${from}(?= |$)`, 'g'), to] as const);

/**
 * Rewrites a folded question into catalog words. Each phrase is rewritten once, left to right by
 * length, and the rewritten text is not rewritten again (no "khai sinh" → "đăng ký đăng ký …").
 */
export function canonicalise(folded: string): string {
  // Twice: "register" + "household business" → "đăng ký" + "hộ kinh doanh" → "đăng ký thành lập hộ kinh doanh".
  return rewrite(rewrite(expandAbbreviations(folded)));
}

function rewrite(folded: string): string {
  const slots: string[] = [];
  let text = ` ${folded} `;
  for (const [pattern, to] of replaceTable) {
    text = text.replace(pattern, (_m, lead: string) => {
      slots.push(to);
      return `${lead}§${slots.length - 1}§`;
    });
  }
  text = text.replace(/§(\d+)§/g, (_m, i: string) => slots[Number(i)]!);
  return [text, ...ages(text)].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}
