import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout.tsx';
import { HomePage } from '../pages/home-page.tsx';
import { ShellPage } from '../pages/shell-page.tsx';
import { ProvincePage } from '../pages/province-page.tsx';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { StaffPage } from '../features/staff/staff-page.tsx';
import { IntakePage } from '../features/dossier/intake-page.tsx';
import { InboxPage } from '../features/dossier/inbox-page.tsx';
import { DossierPage } from '../features/dossier/dossier-page.tsx';
import { ApprovalsPage } from '../features/dossier/approvals-page.tsx';
import { WorkloadPage } from '../features/dossier/workload-page.tsx';
import { CenterPicker } from '../features/queue/center-picker.tsx';
import { CounterConsolePage } from '../features/queue/counter-console-page.tsx';
import { DisplayPage } from '../features/queue/display-page.tsx';
import { KioskPage } from '../features/queue/kiosk-page.tsx';
import { TicketStatusPage } from '../features/queue/ticket-status-page.tsx';
import { CalendarAdminPage } from '../features/calendar/calendar-admin-page.tsx';
import { DeadlineCalculatorPage } from '../features/calendar/deadline-calculator-page.tsx';
import { VerifyPage } from '../features/results/verify-page.tsx';
import { ProcedureSearchPage } from '../features/catalog/procedure-search-page.tsx';
import { ProcedurePage } from '../features/catalog/procedure-page.tsx';
import { CatalogAdminPage } from '../features/catalog/catalog-admin-page.tsx';
import { ProcedureEditPage } from '../features/catalog/procedure-edit-page.tsx';

/** Route table; the router itself is chosen by the caller (browser in the app, memory in tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="citizen" element={<ShellPage surface="citizen" />} />
        <Route path="citizen/procedures" element={<ProcedureSearchPage />} />
        <Route path="citizen/procedures/:code" element={<ProcedurePage />} />
        <Route path="kiosk" element={<CenterPicker surface="kiosk" />} />
        <Route path="display" element={<CenterPicker surface="display" />} />
        <Route path="queue/tickets/:ticketId" element={<TicketStatusPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="staff/intake" element={<IntakePage />} />
        <Route path="staff/inbox" element={<InboxPage />} />
        <Route path="staff/dossiers/:id" element={<DossierPage />} />
        <Route path="staff/approvals" element={<ApprovalsPage />} />
        <Route path="staff/workload" element={<WorkloadPage />} />
        <Route path="staff/counter" element={<CounterConsolePage />} />
        <Route path="province" element={<ProvincePage />} />
        <Route path="province/calendar" element={<CalendarAdminPage />} />
        <Route path="province/catalog" element={<CatalogAdminPage />} />
        <Route path="province/catalog/:code" element={<ProcedureEditPage />} />
        <Route path="deadline" element={<DeadlineCalculatorPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:code" element={<VerifyPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* Full-screen hall devices: no site navigation a passer-by could wander off with. */}
      <Route path="kiosk/:centerId" element={<KioskPage />} />
      <Route path="display/:centerId" element={<DisplayPage />} />
    </Routes>
  );
}
