import { BrowserRouter, Route, Routes } from 'react-router'
import { AdminPage } from '../features/admin/AdminPage.js'
import { DashboardPage } from '../features/dashboard/DashboardPage.js'
import { InvitationPage } from '../features/auth/InvitationPage.js'
import { LoginPage } from '../features/auth/LoginPage.js'
import { SetupPage } from '../features/auth/SetupPage.js'
import { RehearsalPage } from '../features/rehearsal/RehearsalPage.js'
import { SignonPage } from '../features/signon/SignonPage.js'
import { StatementPage } from '../features/statements/StatementPage.js'
import { StatementsPage } from '../features/statements/StatementsPage.js'
import { AppLayout } from './AppLayout.js'
import { NotFoundPage } from './NotFoundPage.js'
import { RequireSession } from './RequireSession.js'
import { SessionProvider } from './SessionContext.js'

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/setup/:token" element={<SetupPage />} />
          <Route path="/invite/:token" element={<InvitationPage />} />
          {/* Outside organisations have no account: the link's token is their permission to sign on. */}
          <Route path="/signon/:token" element={<SignonPage />} />
          <Route element={<RequireSession />}>
            <Route element={<AppLayout />}>
              <Route index element={<DashboardPage />} />
              <Route path="/statements" element={<StatementsPage />} />
              <Route path="/statements/:id" element={<StatementPage />} />
              <Route path="/statements/:id/rehearse" element={<RehearsalPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  )
}
