/**
 * Names this run's template database (MUSTER_TEST_TEMPLATE_DB, see env.ts). The first test file
 * that needs it migrates it (db.ts); every test file then clones it in milliseconds. Plain ESM
 * JavaScript: Jest loads global setup outside its module graph, without the TS mapping.
 */
export default function globalSetup() {
  process.env.MUSTER_TEST_TEMPLATE_DB = `muster_tpl_${process.pid}_${Date.now().toString(36)}`;
}
