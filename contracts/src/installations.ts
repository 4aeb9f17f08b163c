/**
 * Major hazard installations (重大危险源): identification and grading per GB 18218-2018 and the
 * MEM grading method (tables in gb18218-data.ts), and the register's wire types.
 */
import {
  GB18218_ALPHA_BANDS,
  GB18218_CATEGORIES,
  GB18218_GRADE_BANDS,
  GB18218_SUBSTANCES,
  type Gb18218Category,
  type Gb18218Substance,
} from './gb18218-data.js';

export * from './gb18218-data.js';

export const INSTALLATION_KINDS = ['production', 'storage'] as const;
export type InstallationKind = (typeof INSTALLATION_KINDS)[number];

/** 一级 … 四级; null: not a major hazard installation. */
export type InstallationGrade = 1 | 2 | 3 | 4;

export interface InstallationChemical {
  /** A Table 1 substance, or null for a chemical identified by its category only. */
  substance: Gb18218Substance | null;
  /** The name the enterprise uses (its own for a category-only chemical). */
  name: string;
  /** The hazard category (Table 2): the fallback for a substance not in Table 1. */
  category: Gb18218Category;
  /** The maximum quantity that can be present in the unit, t. */
  maxQuantityT: number;
}

export interface ChemicalAssessment {
  name: string;
  substance: Gb18218Substance | null;
  category: Gb18218Category;
  quantityT: number;
  criticalT: number;
  /** Where Q and β came from: the named substance's row, or its category. */
  source: 'named' | 'category';
  ratio: number;
  beta: number;
}

export interface InstallationAssessment {
  chemicals: ChemicalAssessment[];
  /** Σ qᵢ/Qᵢ: a unit is a major hazard installation when it is ≥ 1. */
  ratioSum: number;
  isMajor: boolean;
  alpha: number;
  /** R = α Σ βᵢ qᵢ/Qᵢ. */
  r: number;
  grade: InstallationGrade | null;
}

/** Q and β of one chemical: a named substance by its Table 1 / Table 3 row, anything else by its category. */
export function criticalQuantity(c: Pick<InstallationChemical, 'substance' | 'category'>): {
  criticalT: number;
  beta: number;
  source: 'named' | 'category';
} {
  const named = c.substance
    ? (GB18218_SUBSTANCES[c.substance] as (typeof GB18218_SUBSTANCES)[Gb18218Substance] | undefined)
    : undefined;
  const category = GB18218_CATEGORIES[named?.category ?? c.category];
  if (named) {
    return {
      criticalT: named.criticalT,
      beta: 'beta' in named ? named.beta : category.beta,
      source: 'named',
    };
  }
  return { criticalT: category.criticalT, beta: category.beta, source: 'category' };
}

/** α of Table 5 for the people normally present within 500 m outside the plant boundary. */
export function alphaFor(peopleExposed: number): number {
  return GB18218_ALPHA_BANDS.find((b) => peopleExposed >= b.atLeast)!.alpha;
}

export function gradeFor(r: number): InstallationGrade {
  return GB18218_GRADE_BANDS.find((b) => r >= b.atLeast)?.grade ?? 4;
}

/**
 * Identification (§ 4.2: a single substance q ≥ Q, or Σ qᵢ/Qᵢ ≥ 1 for several — the single
 * case is the sum of one) and, for a major hazard installation, its R and grade.
 */
export function assessInstallation(
  chemicals: InstallationChemical[],
  peopleExposed: number,
): InstallationAssessment {
  const rows = chemicals.map((c): ChemicalAssessment => {
    const { criticalT, beta, source } = criticalQuantity(c);
    return {
      name: c.name,
      substance: c.substance,
      category: c.category,
      quantityT: c.maxQuantityT,
      criticalT,
      source,
      ratio: c.maxQuantityT / criticalT,
      beta,
    };
  });
  const ratioSum = rows.reduce((s, c) => s + c.ratio, 0);
  const isMajor = ratioSum >= 1;
  const alpha = alphaFor(peopleExposed);
  const r = alpha * rows.reduce((s, c) => s + c.beta * c.ratio, 0);
  return { chemicals: rows, ratioSum, isMajor, alpha, r, grade: isMajor ? gradeFor(r) : null };
}

export interface ResponsiblePerson {
  name: string;
  phone: string;
}

/** The MEM's rules name three people per major hazard installation. */
export const RESPONSIBLE_ROLES = ['principal', 'technical', 'operational'] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

export interface InstallationView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  code: string;
  name: string;
  kind: InstallationKind;
  location: { lat: number; lng: number } | null;
  peopleExposed: number;
  chemicals: InstallationChemical[];
  responsible: Record<ResponsibleRole, ResponsiblePerson | null>;
  assessment: InstallationAssessment;
  updatedAt: string;
}

/**
 * What the consequence models and plan suggestion read of an enterprise's installations: each
 * major hazard installation's grade, place and the chemicals with their quantities.
 */
export interface InstallationExposure {
  installationId: string;
  code: string;
  name: string;
  grade: InstallationGrade | null;
  location: { lat: number; lng: number } | null;
  chemicals: { name: string; substance: string | null; category: string; maxQuantityT: number }[];
}
