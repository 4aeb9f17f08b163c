import { apiRequest } from '../api/client';
import type { MyCalloutList, MyCalloutScope, MyCalloutView } from '../contracts';

/** The signed-in person's own call-outs, and their answer from the console. */

export const myCalloutsKey = (scope: MyCalloutScope) => ['me', 'callouts', scope] as const;

export function fetchMyCallouts(
  scope: MyCalloutScope,
  signal?: AbortSignal,
  pageSize = 20,
): Promise<MyCalloutList> {
  return apiRequest('/api/me/callouts', { query: { scope, pageSize }, signal });
}

export function answerMyCallout(
  calloutId: string,
  body: { decision: 'accept' | 'decline'; location?: { lat: number; lng: number } },
): Promise<MyCalloutView> {
  return apiRequest(`/api/me/callouts/${encodeURIComponent(calloutId)}/answer`, { method: 'POST', body });
}
