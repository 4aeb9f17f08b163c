export * from './roles.js';
export * from './api.js';
export * from './events.js';
export * from './incidents.js';
export * from './hazards.js';
export * from './directory.js';
export * from './resources.js';
export * from './plans.js';
