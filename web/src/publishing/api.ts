import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type { ArticleKind, ArticleView, ListResponse } from '../contracts';

export interface ArticleInput {
  kind: ArticleKind;
  title: string;
  body: string;
  fileIds?: string[];
}

const KEY = ['portal', 'articles'] as const;

export function useArticles() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<ArticleView>>('/api/portal/articles', { query: { pageSize: 200 }, signal }),
  });
}

/** Every change answers the article as it now is; the list is read again. */
export function useArticleAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { path: string; method: 'POST' | 'PATCH'; body?: unknown }) =>
      apiRequest<ArticleView>(`/api/portal/articles${a.path}`, { method: a.method, body: a.body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
