/** An amount of đồng in Vietnamese words, as receipts print it ("Bằng chữ"). Pure. */
const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const groups = ['', ' nghìn', ' triệu', ' tỷ', ' nghìn tỷ', ' triệu tỷ'];

function threeDigits(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const parts: string[] = [];
  if (full || h > 0) parts.push(`${digits[h]} trăm`);
  if (t > 1) parts.push(`${digits[t]} mươi`);
  else if (t === 1) parts.push('mười');
  else if ((full || h > 0) && u > 0) parts.push('linh');
  if (u > 0) {
    if (u === 1 && t > 1) parts.push('mốt');
    else if (u === 5 && t > 0) parts.push('lăm');
    else if (u === 4 && t > 1) parts.push('tư');
    else parts.push(digits[u]!);
  }
  return parts.join(' ');
}

export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('a whole, non-negative amount');
  if (amount === 0) return 'Không đồng';
  const chunks: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) chunks.push(n % 1000);
  const words: string[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i]!;
    if (c === 0) continue;
    words.push(threeDigits(c, i < chunks.length - 1) + groups[i]);
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

export const vnMoney = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;
