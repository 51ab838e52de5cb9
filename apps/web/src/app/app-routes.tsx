import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { ShellPage } from '../pages/shell-page.tsx';
import { ProvincePage } from '../pages/province-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { StaffPage } from '../features/staff/staff-page.tsx';
import { CalendarAdminPage } from '../features/calendar/calendar-admin-page.tsx';
import { DeadlineCalculatorPage } from '../features/calendar/deadline-calculator-page.tsx';
import { VerifyPage } from '../features/results/verify-page.tsx';

/** Route table; the router itself is chosen by the caller (browser in the app, memory in tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="citizen" element={<ShellPage surface="citizen" />} />
        <Route path="kiosk" element={<ShellPage surface="kiosk" />} />
        <Route path="display" element={<ShellPage surface="display" />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="province" element={<ProvincePage />} />
        <Route path="province/calendar" element={<CalendarAdminPage />} />
        <Route path="deadline" element={<DeadlineCalculatorPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:code" element={<VerifyPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
