import type { MapLayerDefinition } from './layer-types';
import { enterprisesLayer } from './layers/enterprises';
import { hazardsLayer } from './layers/hazards';
import { incidentsLayer } from './layers/incidents';
import { installationsLayer } from './layers/installations';
import { respondersLayer } from './layers/responders';
import { resourcesLayer } from './layers/resources';
import { riskPointsLayer } from './layers/risk-points';
import { rollCallLayer } from './layers/roll-call';
import { sceneFeaturesLayer } from './layers/scene-features';
import { sensitiveTargetsLayer } from './layers/sensitive-targets';
import { teamsLayer } from './layers/teams';
import { threatZonesLayer } from './layers/threat-zones';

/**
 * Every layer of the common operating picture, in the control's order (the most urgent first).
 * A new layer is one entry here: its definition (`MapLayerDefinition`) says its label, legend,
 * default state, maps and component.
 */
export const MAP_LAYERS: readonly MapLayerDefinition[] = [
  sceneFeaturesLayer,
  threatZonesLayer,
  rollCallLayer,
  incidentsLayer,
  respondersLayer,
  teamsLayer,
  resourcesLayer,
  installationsLayer,
  sensitiveTargetsLayer,
  enterprisesLayer,
  riskPointsLayer,
  hazardsLayer,
];
