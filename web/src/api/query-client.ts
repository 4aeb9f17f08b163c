import { QueryClient } from '@tanstack/react-query';
import i18n from '../i18n';
import { ApiRequestError } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will answer the same on a retry; only an unreachable or failing server is retried.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

// Records the server writes out (a drill report's timeline) come in the language the request
// asked for: after a switch, what is on screen is fetched again in the new one.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());
