import { describe, expect, it } from '@jest/globals';
import { ROLES } from '../contracts';
import { canOpen, landingPathFor, navigationFor, returnPathFor } from './access';

describe('console access by role', () => {
  it('gives zone roles and enterprise officers the map and the enterprise list, landing on the map', () => {
    for (const role of ['commander', 'inspector', 'evaluator', 'enterprise_officer'] as const) {
      expect(navigationFor(role)).toEqual([
        'map',
        'incidents',
        'enterprises',
        'resources',
        'directory',
        'risks',
        'hazards',
        'installations',
        'alarms',
        'inspections',
        'enforcement',
        'drills',
        'assessments',
        ...(role === 'enterprise_officer' ? ['accountability'] : ['spotChecks', 'accountability', 'cockpit']),
        'plans',
        'responsibility',
        'duties',
        'training',
        'safetyFunds',
        'culture',
        ...(role === 'enterprise_officer' || role === 'evaluator' ? [] : ['publishing']),
        'workPlans',
        'safetyOrgs',
        ...(role === 'enterprise_officer' ? [] : ['leadingGroup']),
      ]);
      expect(landingPathFor(role)).toBe('/map');
    }
  });

  it('gives only the zone admin user management and the audit log', () => {
    expect(navigationFor('zone_admin')).toEqual([
      'map',
      'incidents',
      'enterprises',
      'resources',
      'directory',
      'risks',
      'hazards',
      'installations',
      'alarms',
      'inspections',
      'enforcement',
      'drills',
      'assessments',
      'spotChecks',
      'accountability',
      'cockpit',
      'plans',
      'responsibility',
      'duties',
      'training',
      'safetyFunds',
      'culture',
      'publishing',
      'workPlans',
      'safetyOrgs',
      'leadingGroup',
      'users',
      'audit',
      'queues',
    ]);
    for (const role of ROLES.filter((r) => r !== 'zone_admin')) {
      expect(canOpen(role, 'users')).toBe(false);
      expect(canOpen(role, 'audit')).toBe(false);
      expect(canOpen(role, 'queues')).toBe(false);
    }
  });

  it('lands responders on their home page, with no zone pages', () => {
    expect(navigationFor('responder')).toEqual(['home']);
    expect(landingPathFor('responder')).toBe('/home');
  });

  it('gives every role at least one page', () => {
    for (const role of ROLES) expect(navigationFor(role).length).toBeGreaterThan(0);
  });

  it('returns to the page the user came from only when the new role may open it', () => {
    expect(returnPathFor('zone_admin', '/admin/audit')).toBe('/admin/audit');
    expect(returnPathFor('commander', '/admin/audit')).toBe('/map');
    expect(returnPathFor('commander', '/enterprises?q=x')).toBe('/enterprises?q=x');
    expect(returnPathFor('enterprise_officer', '/incidents/new')).toBe('/incidents/new');
    expect(returnPathFor('responder', '/map')).toBe('/home');
    expect(returnPathFor('inspector', undefined)).toBe('/map');
    expect(returnPathFor('inspector', '/nowhere')).toBe('/map');
  });
});
