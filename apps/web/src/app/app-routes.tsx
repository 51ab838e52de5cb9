import { Route, Routes } from 'react-router-dom';
import { Layout } from './layout.tsx';
import { HomePage } from '../pages/home-page.tsx';
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
import { AppointmentPage } from '../features/queue/appointment-page.tsx';
import { RemoteTicketPage } from '../features/queue/remote-ticket-page.tsx';
import { QueueDirectorPage } from '../features/queue/queue-director-page.tsx';
import { CalendarAdminPage } from '../features/calendar/calendar-admin-page.tsx';
import { DeadlineCalculatorPage } from '../features/calendar/deadline-calculator-page.tsx';
import { VerifyPage } from '../features/results/verify-page.tsx';
import { ProcedureSearchPage } from '../features/catalog/procedure-search-page.tsx';
import { ProcedurePage } from '../features/catalog/procedure-page.tsx';
import { CatalogAdminPage } from '../features/catalog/catalog-admin-page.tsx';
import { SyncDashboardPage } from '../features/sync/sync-dashboard-page.tsx';
import { ApplyPage, AssistPage, DevInboxPage, MyDossierPage, MyDossiersPage, PortalHomePage, SignInPage, TrackPage } from '../features/portal/index.ts';
import { ProcedureEditPage } from '../features/catalog/procedure-edit-page.tsx';
import { UnitDashboardPage } from '../features/reports/unit-dashboard-page.tsx';
import { ProvinceDashboardPage } from '../features/reports/province-dashboard-page.tsx';
import { DrillPage } from '../features/reports/drill-page.tsx';

import { PaymentPage } from '../features/payments/payment-page.tsx';
import { PaymentReturnPage } from '../features/payments/return-page.tsx';
import { ReconciliationPage } from '../features/payments/reconciliation-page.tsx';
import { RatingPage } from '../features/feedback/rating-page.tsx';
import { PetitionSubmitPage } from '../features/feedback/petition-submit-page.tsx';
import { PetitionPage } from '../features/feedback/petition-page.tsx';
import { PetitionsDeskPage } from '../features/feedback/petitions-desk-page.tsx';
import { OutreachPage } from '../features/outreach/outreach-page.tsx';
import { OutreachSessionPage } from '../features/outreach/session-page.tsx';
/** Route table; the router itself is chosen by the caller (browser in the app, memory in tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="citizen" element={<PortalHomePage />} />
        <Route path="citizen/sign-in" element={<SignInPage />} />
        <Route path="citizen/assist" element={<AssistPage />} />
        <Route path="citizen/dossiers" element={<MyDossiersPage />} />
        <Route path="citizen/dossiers/:id" element={<MyDossierPage />} />
        <Route path="citizen/apply/:code" element={<ApplyPage />} />
        <Route path="tra-cuu" element={<TrackPage />} />
        <Route path="tra-cuu/:code" element={<TrackPage />} />
        <Route path="dev/inbox" element={<DevInboxPage />} />
        <Route path="citizen/procedures" element={<ProcedureSearchPage />} />
        <Route path="citizen/procedures/:code" element={<ProcedurePage />} />
        <Route path="kiosk" element={<CenterPicker surface="kiosk" />} />
        <Route path="display" element={<CenterPicker surface="display" />} />
        <Route path="queue/tickets/:ticketId" element={<TicketStatusPage />} />
        <Route path="citizen/appointments" element={<AppointmentPage />} />
        <Route path="citizen/queue" element={<RemoteTicketPage />} />
        <Route path="staff/queue" element={<QueueDirectorPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="staff/intake" element={<IntakePage />} />
        <Route path="staff/inbox" element={<InboxPage />} />
        <Route path="staff/dossiers/:id" element={<DossierPage />} />
        <Route path="staff/approvals" element={<ApprovalsPage />} />
        <Route path="staff/workload" element={<WorkloadPage />} />
        <Route path="staff/counter" element={<CounterConsolePage />} />
        <Route path="staff/outreach" element={<OutreachPage />} />
        <Route path="staff/outreach/:id" element={<OutreachSessionPage />} />
        <Route path="province" element={<ProvincePage />} />
        <Route path="province/calendar" element={<CalendarAdminPage />} />
        <Route path="province/reports" element={<ProvinceDashboardPage />} />
        <Route path="province/reports/units/:unitCode" element={<UnitDashboardPage />} />
        <Route path="reports" element={<UnitDashboardPage />} />
        <Route path="reports/drill" element={<DrillPage />} />
        <Route path="province/catalog" element={<CatalogAdminPage />} />
        <Route path="province/sync" element={<SyncDashboardPage />} />
        <Route path="province/catalog/:code" element={<ProcedureEditPage />} />
        <Route path="deadline" element={<DeadlineCalculatorPage />} />
        <Route path="xac-thuc" element={<VerifyPage />} />
        <Route path="xac-thuc/:code" element={<VerifyPage />} />
        <Route path="citizen/dossiers/:code/pay" element={<PaymentPage />} />
        <Route path="citizen/dossiers/:code/rate" element={<RatingPage />} />
        <Route path="citizen/payments/return" element={<PaymentReturnPage />} />
        <Route path="staff/payments/reconciliation" element={<ReconciliationPage />} />
        <Route path="province/payments/reconciliation" element={<ReconciliationPage />} />
        <Route path="staff/petitions" element={<PetitionsDeskPage />} />
        <Route path="pakn/gui" element={<PetitionSubmitPage />} />
        <Route path="pakn/:code" element={<PetitionPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      {/* Full-screen hall devices: no site navigation a passer-by could wander off with. */}
      <Route path="kiosk/:centerId" element={<KioskPage />} />
      <Route path="display/:centerId" element={<DisplayPage />} />
    </Routes>
  );
}
