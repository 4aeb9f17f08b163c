import { describeCatalogs } from '../../i18n/catalog-parity';

// Dynamic imports: Jest's transformer drops static import attributes, and Jest wants them for JSON.
const { default: en } = await import('./en.json', { with: { type: 'json' } });
const { default: zhCN } = await import('./zh-CN.json', { with: { type: 'json' } });

describeCatalogs('duties', zhCN, en);
