import { useCallback, useEffect, useRef, useState } from 'react';

/** The parts of the Web Speech API we use; browsers ship it as SpeechRecognition or webkitSpeechRecognition. */
type Recognition = {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: (() => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionConstructor = new () => Recognition;

function recognitionClass(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const LOCALES = { vi: 'vi-VN', en: 'en-US', id: 'id-ID' } as const;

/**
 * Voice input where the browser supports it (`supported` is false otherwise, and the button is not
 * shown). One utterance per press; the text goes to `onText`.
 */
export function useSpeech(language: keyof typeof LOCALES, onText: (text: string) => void) {
  const Ctor = recognitionClass();
  const [listening, setListening] = useState(false);
  const [failed, setFailed] = useState(false);
  const current = useRef<Recognition | null>(null);
  const latest = useRef(onText);
  latest.current = onText;

  useEffect(() => () => current.current?.stop(), []);

  const toggle = useCallback(() => {
    if (!Ctor) return;
    if (current.current) {
      current.current.stop();
      return;
    }
    const r = new Ctor();
    r.lang = LOCALES[language];
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.onresult = (event) => {
      const text = event.results[0]?.[0]?.transcript ?? '';
      if (text.trim()) latest.current(text.trim());
    };
    r.onerror = () => setFailed(true);
    r.onend = () => {
      current.current = null;
      setListening(false);
    };
    current.current = r;
    setFailed(false);
    setListening(true);
    r.start();
  }, [Ctor, language]);

  return { supported: Ctor !== null, listening, failed, toggle };
}
