import { chimeWav } from './chime.ts';

export type SoundSettings = { enabled: boolean; volume: number; repeat: number };

const STORAGE_KEY = 'motcua.display.sound';
export const defaultSound: SoundSettings = { enabled: false, volume: 1, repeat: 2 };

export function loadSound(): SoundSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<SoundSettings> | null;
    return { ...defaultSound, ...saved };
  } catch {
    return defaultSound;
  }
}

export function saveSound(s: SoundSettings): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // A locked-down TV browser may refuse storage; the settings still apply until reload.
  }
}

/** A Vietnamese voice of the browser, if it has one (Chrome/Edge on Windows and Android usually do). */
export function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
}

let chimeUrl: string | null = null;

function playChime(volume: number): Promise<void> {
  chimeUrl ??= URL.createObjectURL(new Blob([chimeWav() as BlobPart], { type: 'audio/wav' }));
  const audio = new Audio(chimeUrl);
  audio.volume = volume;
  return new Promise((resolve) => {
    audio.onended = () => resolve();
    audio.onerror = () => resolve();
    audio.play().catch(() => resolve());
  });
}

function speak(text: string, voice: SpeechSynthesisVoice, volume: number): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.volume = volume;
    u.rate = 0.9;
    u.onend = () => resolve();
    u.onerror = () => resolve();
    speechSynthesis.speak(u);
  });
}

let chain: Promise<void> = Promise.resolve();

/** Queues one call: chime, then the sentence in Vietnamese when a voice exists, `repeat` times. */
export function announce(text: string, s: SoundSettings): void {
  if (!s.enabled) return;
  chain = chain.then(async () => {
    const voice = vietnameseVoice();
    for (let i = 0; i < s.repeat; i++) {
      await playChime(s.volume);
      if (voice) await speak(text, voice, s.volume);
    }
  });
}
