export * from './substances.js';
export * from './dispersion.js';
export * from './fire-explosion.js';
export * from './geo.js';
export * from './model.js';
