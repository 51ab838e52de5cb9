import { useId, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AssistantWidget } from './assistant-widget.tsx';

/** On every citizen portal page (/citizen…): a button that opens the assistant below the page content. */
export function AssistantDock() {
  const { t } = useTranslation('assistant');
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!pathname.startsWith('/citizen')) return null;
  const context = /^\/citizen\/procedures\/([^/]+)$/.exec(pathname)?.[1];
  return (
    <aside className="assistant-dock" aria-label={t('title')}>
      <button type="button" className="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? t('close') : t('open')}
      </button>
      <div id={id} hidden={!open}>
        {open && <AssistantWidget surface="portal" {...(context ? { contextCode: decodeURIComponent(context) } : {})} />}
      </div>
    </aside>
  );
}
