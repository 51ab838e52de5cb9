import { describe, expect, it } from 'vitest';
import { namespaces } from '../src/i18n/namespaces.ts';

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → string, for every leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every namespace flattened into one map per language, keys prefixed "namespace:". */
function language(lang: 'vi' | 'en' | 'id'): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, langs] of Object.entries(namespaces)) {
    for (const [k, v] of flatten(langs[lang] as Tree)) out.set(`${ns}:${k}`, v);
  }
  return out;
}

const languages = { vi: language('vi'), en: language('en'), id: language('id') };

describe('translations', () => {
  it.each(['en', 'id'] as const)('%s has exactly the Vietnamese keys', (lang) => {
    expect([...languages[lang].keys()].sort()).toEqual([...languages.vi.keys()].sort());
  });

  it.each(Object.entries(languages))('%s has no empty strings', (_lang, strings) => {
    const empty = [...strings].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(['en', 'id'] as const)('%s uses the same {{placeholders}} as Vietnamese', (lang) => {
    for (const [key, text] of languages.vi) {
      expect(placeholders(languages[lang].get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('Vietnamese is stored in NFC, so search and comparison match what people type', () => {
    const notNfc = [...languages.vi].filter(([, text]) => text !== text.normalize('NFC')).map(([key]) => key);
    expect(notNfc).toEqual([]);
  });

  it('Vietnamese uses the official wording with diacritics', () => {
    const values = [...languages.vi.values()].join('\n');
    for (const phrase of [
      'Đăng nhập',
      'Trung tâm Phục vụ hành chính công',
      'Mật khẩu',
      'Tên đăng nhập',
      'Cổng dịch vụ công',
      'Màn hình gọi số',
      'Ki-ốt lấy số',
      'Tôi là ai',
      'Cán bộ tiếp nhận (một cửa)',
    ]) {
      expect(values).toContain(phrase);
    }
  });
});
