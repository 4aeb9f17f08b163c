import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canOpen, landingPathFor, type PageId } from './access';
import { useSession } from './session-hooks';

export interface LoginLocationState {
  from?: string;
}

/** Sends anyone without a session to the login page, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: LoginLocationState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}

/** A page the signed-in role may not open redirects to the role's landing page. */
export function RequirePage({ page, children }: { page: PageId; children: ReactNode }) {
  const session = useSession();
  if (!session) return null;
  if (!canOpen(session.user.role, page)) return <Navigate to={landingPathFor(session.user.role)} replace />;
  return children;
}

export function LandingRedirect() {
  const session = useSession();
  if (!session) return <Navigate to="/login" replace />;
  return <Navigate to={landingPathFor(session.user.role)} replace />;
}
