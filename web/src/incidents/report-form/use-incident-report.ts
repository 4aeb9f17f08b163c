import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EMPTY_UNIT_OVERVIEW, gradeSeverity, isZoneRole, type UnitOverview } from '../../contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/client';
import { useAllEnterprises } from '../../api/queries';
import { useSession } from '../../auth/session-hooks';
import type { LatLngTuple } from '../../map/enterprise-features';
import { fileIncident, type IncidentReportInput } from '../api';
import { errorsFor, isoToZonedInput, parseFieldErrors, type FieldErrors } from '../incident-model';
import { useProblemText } from '../problem-text';
import { incidentKeys } from '../queries';
import { useZoneTimeZone } from '../ui';
import {
  checkReport,
  readFigures,
  unitFromRecord,
  type CasualtyField,
  type ReportValues,
} from './report-values';

/** What the room page shows after arriving from a freshly filed report. */
export interface FiledLocationState {
  filed: true;
  warnings: string[];
}

/** Fields the form shows errors beside; anything else the server names goes to the summary. */
const KNOWN_FIELDS = [
  'enterpriseId',
  'title',
  'category',
  'occurredAt',
  'location',
  'address',
  'summary',
  'casualties',
  'directLossCny',
  'measuresTaken',
  'otherMatters',
  'unitOverview',
  'attachmentIds',
  'reporter',
  'headInformedAt',
  'source',
];

/**
 * The state of the incident report form: the values, the grade they give as they are typed, the
 * client's checks once a submit was tried, the server's field errors, and the filing itself.
 */
export function useIncidentReport() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const timeZone = useZoneTimeZone();
  const enterprises = useAllEnterprises();
  const problemText = useProblemText();
  const formId = useId();
  const zoneRole = session ? isZoneRole(session.user.role) : false;

  const [values, setValues] = useState<ReportValues>(() => ({
    enterpriseId: '',
    title: '',
    category: '',
    occurredAt: isoToZonedInput(new Date(), timeZone),
    location: null,
    address: '',
    summary: '',
    casualties: { deaths: '0', missing: '0', seriousInjuries: '0', minorInjuries: '0' },
    loss: '0',
    measures: '',
    otherMatters: '',
    unit: { ...EMPTY_UNIT_OVERVIEW },
    unitFor: null,
    attachments: [],
    reporterName: session?.user.name ?? '',
    reporterPhone: '',
    filerRole: 'other',
    headInformedAt: '',
    source: 'enterprise',
  }));
  // Checked on the client once a submit was tried, then as the user corrects each field.
  const [attemptedAt, setAttemptedAt] = useState<number | null>(null);

  const set = <K extends keyof ReportValues>(field: K, value: ReportValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const setUnit = (field: keyof UnitOverview, value: string) =>
    setValues((v) => ({ ...v, unit: { ...v.unit, [field]: value } }));
  const setCasualty = (field: CasualtyField, value: string) =>
    setValues((v) => ({ ...v, casualties: { ...v.casualties, [field]: value } }));
  /** A zone user's choice of enterprise; its address fills an address not yet typed. */
  const chooseEnterprise = (enterpriseId: string) => {
    const chosen = enterprises.data?.items.find((x) => x.id === enterpriseId);
    setValues((v) => ({
      ...v,
      enterpriseId,
      address: chosen && !v.address.trim() ? chosen.address : v.address,
    }));
  };

  // An enterprise officer files for their own enterprise: the scoped list holds just that one.
  const ownEnterprise = !zoneRole ? enterprises.data?.items[0] : undefined;
  const chosenEnterprise = zoneRole
    ? enterprises.data?.items.find((e) => e.id === values.enterpriseId)
    : ownEnterprise;
  // The overview is filled from the record of the enterprise once it is known, and again when a
  // zone user picks another one (set during render: React re-renders at once, before painting).
  if (chosenEnterprise && values.unitFor !== chosenEnterprise.id) {
    setValues((v) => ({
      ...v,
      unitFor: chosenEnterprise.id,
      unit: unitFromRecord(chosenEnterprise, v.unit),
    }));
  }
  const focus: LatLngTuple | null = chosenEnterprise
    ? [chosenEnterprise.location.lat, chosenEnterprise.location.lng]
    : null;

  const { counts, loss: lossValue } = readFigures(values);
  // Figures still being typed (an empty or half-typed box) grade as what can be read so far.
  const severity = gradeSeverity(
    {
      deaths: counts.deaths ?? 0,
      missing: counts.missing ?? 0,
      seriousInjuries: counts.seriousInjuries ?? 0,
    },
    lossValue ?? 0,
  );

  const mutation = useMutation({
    mutationFn: (input: IncidentReportInput) => fileIncident(input),
    onSuccess: async (filed) => {
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      const state: FiledLocationState = { filed: true, warnings: filed.warnings ?? [] };
      void navigate(`/incidents/${encodeURIComponent(filed.id)}`, { state });
    },
  });

  const validate = (nowMs: number) => checkReport(values, { nowMs, timeZone, zoneRole, t });

  const clientErrors: FieldErrors =
    attemptedAt === null ? { fields: {}, general: [] } : validate(attemptedAt).errors;
  const serverErrors =
    mutation.error instanceof ApiRequestError && mutation.error.status === 400
      ? parseFieldErrors(mutation.error.messages)
      : null;
  const errorList = (field: string): string[] => [
    ...errorsFor(clientErrors, field),
    ...(serverErrors ? errorsFor(serverErrors, field).map(problemText) : []),
  ];
  const invalid = (field: string) => errorList(field).length > 0;
  const describe = (id: string, field: string, hint = false) =>
    [hint ? `${id}-hint` : '', invalid(field) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const generalServerErrors = serverErrors
    ? [
        ...serverErrors.general,
        ...Object.entries(serverErrors.fields)
          .filter(([path]) => !KNOWN_FIELDS.some((f) => path === f || path.startsWith(`${f}.`)))
          .flatMap(([path, problems]) => problems.map((p) => `${path}: ${p}`)),
      ]
    : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The moment of the submit, as an epoch time (the event's own clock, not a render-time read).
    const now = Math.round(performance.timeOrigin + event.timeStamp);
    const { input } = validate(now);
    setAttemptedAt(now);
    if (!input) {
      // Take the user to the first field that needs attention.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    mutation.reset();
    mutation.mutate(input);
  };

  return {
    values,
    set,
    setUnit,
    setCasualty,
    chooseEnterprise,
    zoneRole,
    enterprises,
    ownEnterprise,
    focus,
    timeZone,
    severity,
    /** The DOM id of a field of this form. */
    id: (name: string) => `${formId}-${name}`,
    errorList,
    invalid,
    describe,
    serverErrors,
    generalServerErrors,
    mutation,
    onSubmit,
  };
}

/** The report form as its sections see it. */
export type IncidentReportForm = ReturnType<typeof useIncidentReport>;
