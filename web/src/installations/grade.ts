import type { InstallationGrade } from '../contracts';

/** The catalogue key of a grade (一级 … 四级), or of "not a major hazard installation". */
export const gradeKey = (grade: InstallationGrade | null) =>
  (grade === null ? 'grade.none' : `grade.${grade}`) as
    'grade.1' | 'grade.2' | 'grade.3' | 'grade.4' | 'grade.none';

/** Numbers as the register shows them: at most three decimals, trailing zeros dropped. */
export const figure = (n: number) => String(Math.round(n * 1000) / 1000);
