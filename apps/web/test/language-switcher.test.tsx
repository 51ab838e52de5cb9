import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from './helpers.tsx';

describe('language switcher', () => {
  it('starts in Vietnamese', () => {
    renderApp('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Phần mềm một cửa cho Trung tâm Phục vụ hành chính công',
    );
    expect(document.documentElement.lang).toBe('vi');
  });

  it('switches the page to English, updates <html lang> and remembers the choice', async () => {
    const { user } = renderApp('/');
    await user.selectOptions(screen.getByLabelText('Ngôn ngữ'), 'en');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'One-stop software for Public Administrative Service Centers',
    );
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Public service portal' })).toBeTruthy();
    expect(screen.getByLabelText('Language')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('motcua.language')).toBe('en');
  });

  it('translates the page title', async () => {
    const { user } = renderApp('/kiosk');
    expect(document.title).toBe('Ki-ốt lấy số · Motcua');
    await user.selectOptions(screen.getByLabelText('Ngôn ngữ'), 'id');
    expect(document.title).toBe('Kios nomor antrean · Motcua');
  });
});
