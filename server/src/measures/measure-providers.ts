import { Injectable } from '@nestjs/common';
import type { AssessmentSubject, ComputedMetric, ScoreEvidence } from '@muster/contracts';

/** One measure of one subject: what the scoring rule reads, and the evidence shown with the points. */
export interface Measure {
  rate?: number | null;
  count?: number;
  value?: number | null;
  /** A veto-grade incident happened (the `incidents` measure). */
  vetoes?: boolean;
  evidence: ScoreEvidence;
}

export type Measures = Partial<Record<ComputedMetric, Measure>>;

export interface MeasureQuery {
  /** The zone-local calendar year assessed. */
  year: number;
  /** Enterprises' ids, or the zone departments' names. */
  subjects: string[];
  /** Departments only: the industries each supervises, by the department's name. */
  industries?: Map<string, string[]>;
  /** The moment the year is looked at: its end, or now while it runs. */
  asOf: Date;
}

/**
 * A domain's measures for the assessment: the metric codes it answers for one kind of subject,
 * and the figures per subject, taken through the domain's own rules so a sheet shows what the
 * domain's page shows. Subjects a provider leaves out get no measure (the rule then scores an
 * empty evidence).
 */
export interface MeasureProvider {
  subject: AssessmentSubject;
  metrics: readonly ComputedMetric[];
  measure(q: MeasureQuery): Promise<Map<string, Measures>>;
}

/**
 * Where domains register their measure providers when they start (training, certificates, safety
 * funds and the assessment's own hazard, drill, incident and alarm figures), so the assessment
 * scores any metric a domain measures without depending on that domain.
 */
@Injectable()
export class MeasureProviders {
  private readonly providers: MeasureProvider[] = [];

  register(provider: MeasureProvider): void {
    const taken = provider.metrics.filter((m) => this.providerOf(provider.subject, m));
    if (taken.length) throw new Error(`Assessment measures registered twice: ${taken.join(', ')}`);
    this.providers.push(provider);
  }

  /** Whether a domain measures the metric for the subject. */
  measures(subject: AssessmentSubject, metric: ComputedMetric): boolean {
    return !!this.providerOf(subject, metric);
  }

  /** The measures of the metrics asked for, per subject; only the providers concerned are asked. */
  async measure(
    subject: AssessmentSubject,
    metrics: ReadonlySet<ComputedMetric>,
    q: MeasureQuery,
  ): Promise<Map<string, Measures>> {
    const out = new Map<string, Measures>(q.subjects.map((id) => [id, {}]));
    // One after another: inside a transaction the providers share one connection.
    for (const p of this.providers) {
      if (p.subject !== subject || !p.metrics.some((m) => metrics.has(m))) continue;
      const measured = await p.measure(q);
      for (const [id, found] of measured) {
        const into = out.get(id);
        if (!into) continue;
        for (const m of p.metrics) if (found[m]) into[m] = found[m];
      }
    }
    return out;
  }

  private providerOf(subject: AssessmentSubject, metric: ComputedMetric): MeasureProvider | undefined {
    return this.providers.find((p) => p.subject === subject && p.metrics.includes(metric));
  }
}
