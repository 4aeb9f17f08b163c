import {
  FUELS,
  INPUT_LIMITS,
  TOXIC_SUBSTANCES,
  type ConsequenceModel,
  type InstallationExposure,
  type InstallationGrade,
} from '../contracts';

/** One chemical of a registered installation that the chosen model can take as its source. */
export interface InstallationSource {
  /** Installation and chemical, unique within the enterprise's register. */
  key: string;
  installationName: string;
  grade: InstallationGrade | null;
  chemicalName: string;
  /** The model's substance (dispersion) or fuel (fire and explosion) id. */
  agent: string;
  maxQuantityT: number;
  /** The maximum quantity present, as the released mass (bounded by the models' input limit). */
  massKg: number;
  location: { lat: number; lng: number } | null;
}

/** What each model can be fed: the toxic gases for dispersion, the pool fuels for a pool fire, any fuel for a VCE. */
function agents(model: ConsequenceModel): Set<string> {
  if (model === 'plume' || model === 'puff') return new Set(TOXIC_SUBSTANCES.map((s) => s.id));
  const fuels = model === 'pool_fire' ? FUELS.filter((f) => f.burningRate !== null) : FUELS;
  return new Set(fuels.map((f) => f.id));
}

/**
 * The enterprise's registered installations as sources for `model`, in the register's order
 * (major hazard installations first). The register names chemicals by the GB 18218-2018 key,
 * which is the models' id where both know the substance; a chemical known by its hazard category
 * only is not offered, since the models need the substance's own properties.
 */
export function installationSources(
  installations: readonly InstallationExposure[],
  model: ConsequenceModel,
): InstallationSource[] {
  const known = agents(model);
  const [, maxMass] = INPUT_LIMITS.massKg;
  return installations.flatMap((i) =>
    i.chemicals.flatMap((c) =>
      c.substance !== null && known.has(c.substance)
        ? [
            {
              key: `${i.installationId}:${c.substance}`,
              installationName: i.name,
              grade: i.grade,
              chemicalName: c.name,
              agent: c.substance,
              maxQuantityT: c.maxQuantityT,
              massKg: Math.min(c.maxQuantityT * 1000, maxMass),
              location: i.location,
            },
          ]
        : [],
    ),
  );
}
