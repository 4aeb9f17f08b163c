import { createBrowserRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AuditPage } from './admin/AuditPage';
import { UsersPage } from './admin/UsersPage';
import { LandingRedirect, RequirePage, RequireSession } from './auth/guards';
import { AppLayout } from './layout/AppLayout';
import { ZoneMapPage } from './map/ZoneMapPage';
import { EnterprisesPage } from './pages/EnterprisesPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ResponderHomePage } from './pages/ResponderHomePage';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <LandingRedirect /> },
      {
        path: 'map',
        element: (
          <RequirePage page="map">
            <ZoneMapPage />
          </RequirePage>
        ),
      },
      {
        path: 'enterprises',
        element: (
          <RequirePage page="enterprises">
            <EnterprisesPage />
          </RequirePage>
        ),
      },
      { path: 'admin', element: <Navigate to="/admin/users" replace /> },
      {
        path: 'admin/users',
        element: (
          <RequirePage page="users">
            <UsersPage />
          </RequirePage>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePage page="audit">
            <AuditPage />
          </RequirePage>
        ),
      },
      {
        path: 'home',
        element: (
          <RequirePage page="home">
            <ResponderHomePage />
          </RequirePage>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
