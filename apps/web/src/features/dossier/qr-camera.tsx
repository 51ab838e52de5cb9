import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The Shape Detection API is not in TypeScript's DOM library yet; this is the part we use.
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
};

function detectorClass(): BarcodeDetectorClass | null {
  const candidate = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  return candidate && typeof navigator !== 'undefined' && navigator.mediaDevices ? candidate : null;
}

/** True once we know this browser can read QR codes from the camera (Chrome on Android, ChromeOS, macOS…). */
export function useCameraQrSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    let live = true;
    Detector.getSupportedFormats().then(
      (formats) => live && setSupported(formats.includes('qr_code')),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return supported;
}

// A few reads a second is plenty for a card held still, and keeps an old PC responsive.
const SCAN_INTERVAL_MS = 300;

/** Live camera preview that reports the first QR code it reads, then stops the camera. */
export function QrCamera({ onRead, onClose }: { onRead: (text: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onRead);
  done.current = onRead;

  useEffect(() => {
    const Detector = detectorClass();
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;

    async function scan() {
      if (!live || !video.current) return;
      try {
        const [code] = await detector.detect(video.current);
        if (live && code?.rawValue) return done.current(code.rawValue);
      } catch {
        // A frame that is not ready yet; try the next one.
      }
      if (live) timer = setTimeout(scan, SCAN_INTERVAL_MS);
    }

    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(
      async (s) => {
        stream = s;
        if (!live || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.srcObject = s;
        await video.current.play().catch(() => undefined);
        void scan();
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="qr-camera">
      {failed ? (
        <p role="alert" className="alert">
          {t('dossier.applicant.cameraFailed')}
        </p>
      ) : (
        <p role="status">{t('dossier.applicant.cameraHint')}</p>
      )}
      <video ref={video} muted playsInline aria-hidden="true" />
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('dossier.applicant.cameraClose')}
      </button>
    </div>
  );
}
