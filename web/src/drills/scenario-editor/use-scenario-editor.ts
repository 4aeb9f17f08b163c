import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/client';
import type { ScenarioDocument, ScenarioView } from '../../contracts';
import { createScenario, updateScenario } from '../api';
import { defaultContent, errorsAt, fieldErrors, nextId, usedIds } from '../model';
import { drillKeys } from '../ui';

/** The problems the last save answered at a path of the document (or under it, when nested). */
export type ProblemsAt = (path: string, nested?: boolean) => string[];

/** What each section of the editor is given: the document, a change to it, its problems. */
export interface ScenarioSectionProps {
  doc: ScenarioDocument;
  update: (fn: (d: ScenarioDocument) => ScenarioDocument) => void;
  at: ProblemsAt;
}

/** Paths the sections show problems beside; problems at any other path go to the top of the form. */
const KNOWN_PATHS = /^(title|form|scope|planId|responseLevel|objectives|roles|teamIds|setting|injects)\b/;

/**
 * The scenario being edited: the document, whether it has unsaved changes, and its save (a new
 * scenario, or the next version of a saved one) with the problems of a 400 at their paths.
 */
export function useScenarioEditor(initial: ScenarioDocument, view: ScenarioView | null) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [doc, setDoc] = useState<ScenarioDocument>(initial);
  const [dirty, setDirty] = useState(false);
  // Problems of the last save, with the inject ids in the order they were sent: a 400 names
  // injects by index, and the planner may drag them before fixing the field.
  const [problems, setProblems] = useState<{ errors: Map<string, string[]>; sentIds: string[] } | null>(null);

  const update = (fn: (d: ScenarioDocument) => ScenarioDocument) => {
    setDoc((d) => fn(d));
    setDirty(true);
  };
  const at: ProblemsAt = (path, nested = false) => (problems ? errorsAt(problems.errors, path, nested) : []);
  const injectProblems = (injectId: string): ProblemsAt => {
    const index = problems?.sentIds.indexOf(injectId) ?? -1;
    return (path, nested = false) =>
      index < 0 ? [] : at(path ? `injects.${index}.${path}` : `injects.${index}`, nested);
  };

  const save = useMutation({
    mutationFn: (d: ScenarioDocument) => (view ? updateScenario(view.id, d) : createScenario(d)),
    onMutate: (d) => setProblems({ errors: new Map(), sentIds: d.injects.map((i) => i.id) }),
    onSuccess: (saved) => {
      setDirty(false);
      setProblems(null);
      queryClient.setQueryData(drillKeys.scenario(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['drills', 'scenarios'] });
      void queryClient.invalidateQueries({ queryKey: drillKeys.versions(saved.id) });
      if (!view) navigate(`/drills/scenarios/${saved.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 400) {
        setProblems((p) => ({ errors: fieldErrors(error.messages), sentIds: p?.sentIds ?? [] }));
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(doc);
  };

  const unplaced = problems
    ? [...problems.errors.entries()]
        .filter(([path]) => path && !KNOWN_PATHS.test(path))
        .map(([path, list]) => `${path}: ${list.join('；')}`)
    : [];

  const addInject = () =>
    update((d) => {
      const last = d.injects.reduce((max, i) => Math.max(max, i.offsetSeconds), 0);
      const id = nextId('inject', usedIds(d));
      return {
        ...d,
        injects: [
          ...d.injects,
          {
            id,
            offsetSeconds: d.injects.length ? last + 300 : 0,
            synopsis: '',
            kind: 'message',
            targetRoles: [],
            content: defaultContent('message', d.setting),
            expectedActions: [],
          },
        ],
      };
    });

  /** Starts again from an earlier version, as unsaved changes of this one. */
  const restore = (restored: ScenarioDocument) => {
    setDoc(restored);
    setDirty(true);
    setProblems(null);
  };

  return {
    doc,
    dirty,
    update,
    at,
    injectProblems,
    /** Problems of the whole document and those at paths no section shows. */
    formProblems: [...at(''), ...unplaced],
    save,
    submit,
    addInject,
    restore,
  };
}
