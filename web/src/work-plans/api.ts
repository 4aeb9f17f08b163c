import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import type {
  ListResponse,
  ProgressStatus,
  Quarter,
  WorkPlanDetail,
  WorkPlanOverview,
  WorkPlanProgressReportView,
  WorkPlanSectionComment,
  WorkPlanTemplateSection,
  WorkPlanTemplateView,
} from '../contracts';

export const workPlanKeys = {
  all: ['work-plans'] as const,
  overview: (year: number) => ['work-plans', 'overview', year] as const,
  templates: ['work-plans', 'templates'] as const,
  plan: (id: string) => ['work-plans', 'plan', id] as const,
};

export function useOverview(year: number) {
  return useQuery({
    queryKey: workPlanKeys.overview(year),
    queryFn: ({ signal }) =>
      apiRequest<WorkPlanOverview>('/api/work-plans/overview', { query: { year }, signal }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: workPlanKeys.templates,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<WorkPlanTemplateView>>('/api/work-plan-templates', { signal }),
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: workPlanKeys.plan(id),
    queryFn: ({ signal }) => apiRequest<WorkPlanDetail>(`/api/work-plans/${id}`, { signal }),
  });
}

/** Every change refreshes every work-plan query: the overview, the template list and the plan. */
function useWorkPlanMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: workPlanKeys.all }),
  });
}

export interface TemplateInput {
  year?: number;
  title: string;
  submissionDeadline: string;
  sections?: WorkPlanTemplateSection[];
}

export function useSaveTemplate(id: string | null) {
  return useWorkPlanMutation((body: TemplateInput) =>
    id
      ? apiRequest<WorkPlanTemplateView>(`/api/work-plan-templates/${id}`, { method: 'PATCH', body })
      : apiRequest<WorkPlanTemplateView>('/api/work-plan-templates', { method: 'POST', body }),
  );
}

export function usePublishTemplate() {
  return useWorkPlanMutation((id: string) =>
    apiRequest<WorkPlanTemplateView>(`/api/work-plan-templates/${id}/publish`, { method: 'POST' }),
  );
}

export function useStartPlan() {
  return useWorkPlanMutation((year: number) =>
    apiRequest<WorkPlanDetail>('/api/work-plans', { method: 'POST', body: { year } }),
  );
}

export interface PlanTaskInput {
  key?: string;
  sectionKey: string;
  heading?: string;
  measures: string;
  responsibleContactId: string | null;
  deadline: string | null;
}

export interface PlanInput {
  sections: { key: string; text: string }[];
  tasks: PlanTaskInput[];
}

export function useSavePlan(id: string) {
  return useWorkPlanMutation((body: PlanInput) =>
    apiRequest<WorkPlanDetail>(`/api/work-plans/${id}`, { method: 'PUT', body }),
  );
}

export function useSubmitPlan(id: string) {
  return useWorkPlanMutation(() =>
    apiRequest<WorkPlanDetail>(`/api/work-plans/${id}/submit`, { method: 'POST' }),
  );
}

export function useReview(id: string) {
  return useWorkPlanMutation(
    (
      input:
        | { decision: 'approve' }
        | { decision: 'return'; comment?: string; sectionComments: WorkPlanSectionComment[] },
    ) =>
      input.decision === 'approve'
        ? apiRequest<WorkPlanDetail>(`/api/work-plans/${id}/approve`, { method: 'POST', body: {} })
        : apiRequest<WorkPlanDetail>(`/api/work-plans/${id}/return`, {
            method: 'POST',
            body: {
              ...(input.comment ? { comment: input.comment } : {}),
              sectionComments: input.sectionComments,
            },
          }),
  );
}

export interface ProgressInput {
  quarter: Quarter;
  note: string;
  entries: {
    taskKey: string;
    status: ProgressStatus;
    percent: number;
    reason: string | null;
    evidenceFileIds: string[];
  }[];
}

export function useReportProgress(id: string) {
  return useWorkPlanMutation((body: ProgressInput) =>
    apiRequest<WorkPlanProgressReportView>(`/api/work-plans/${id}/progress`, { method: 'POST', body }),
  );
}
