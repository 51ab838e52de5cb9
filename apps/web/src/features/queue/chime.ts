/**
 * A two-note "ding-dong" as a WAV file built in code (16-bit PCM, mono), so the display has a
 * call sound without shipping audio files or needing a network.
 */
export function chimeWav(sampleRate = 22050): Uint8Array {
  const notes = [
    { hz: 659.25, seconds: 0.45 }, // E5
    { hz: 523.25, seconds: 0.7 }, // C5
  ];
  const samples = notes.reduce((n, note) => n + Math.round(note.seconds * sampleRate), 0);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  let offset = 44;
  for (const note of notes) {
    const n = Math.round(note.seconds * sampleRate);
    for (let i = 0; i < n; i++) {
      const t = i / sampleRate;
      // A bell: fundamental plus a soft octave, fast attack, exponential decay.
      const envelope = Math.min(1, t / 0.01) * Math.exp(-3.5 * t);
      const v = envelope * (0.75 * Math.sin(2 * Math.PI * note.hz * t) + 0.25 * Math.sin(4 * Math.PI * note.hz * t));
      view.setInt16(offset, Math.round(v * 0.8 * 32767), true);
      offset += 2;
    }
  }
  return bytes;
}
