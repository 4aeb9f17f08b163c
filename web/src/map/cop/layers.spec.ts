import { describe, expect, it } from '@jest/globals';
import { isOnByDefault, layersFor, type MapLayerDefinition } from './layer-types';

const none = () => null;
function layer(over: Partial<MapLayerDefinition>): MapLayerDefinition {
  return {
    id: 'x',
    label: 'x',
    legend: none,
    component: none,
    defaultOn: false,
    maps: ['zone', 'room'],
    ...over,
  };
}

describe('map layer registry', () => {
  it('lists a layer only on the maps it names and for the roles it names', () => {
    const layers = [
      layer({ id: 'both' }),
      layer({ id: 'room-only', maps: ['room'] }),
      layer({ id: 'zone-roles', roles: ['commander', 'zone_admin'] }),
    ];
    expect(layersFor(layers, 'zone', 'commander').map((l) => l.id)).toEqual(['both', 'zone-roles']);
    expect(layersFor(layers, 'room', 'enterprise_officer').map((l) => l.id)).toEqual(['both', 'room-only']);
    expect(layersFor(layers, 'zone', undefined).map((l) => l.id)).toEqual(['both']);
  });

  it('reads the default state per map where one is given', () => {
    expect(isOnByDefault(layer({ defaultOn: true }), 'zone')).toBe(true);
    const teams = layer({ defaultOn: { room: true } });
    expect(isOnByDefault(teams, 'room')).toBe(true);
    expect(isOnByDefault(teams, 'zone')).toBe(false);
  });
});
