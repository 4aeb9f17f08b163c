import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import type { IngestKeyIssued } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { useIngestKey, useIssueIngestKey } from './api';
import { useInstallationsT } from './i18n';

/**
 * The enterprise's gateway ingestion key: whether one exists (its prefix only), issuing or
 * rotating it — the new key is shown this once, since only its hash is kept — and how a DCS/SIS
 * gateway sends readings with it, over MQTT or HTTP.
 */
export function IngestKeyPanel({
  enterpriseId,
  enterpriseName,
}: {
  enterpriseId: string;
  enterpriseName: string;
}) {
  const { t } = useInstallationsT();
  const time = useZoneTime();
  const status = useIngestKey(enterpriseId);
  const issue = useIssueIngestKey(enterpriseId);
  const [issued, setIssued] = useState<IngestKeyIssued | null>(null);
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorNotice error={status.error} compact />;
  const s = status.data;
  const endpoint = `${window.location.origin}${s.httpPath}`;
  return (
    <section className="card ingest-key" aria-labelledby="ingest-key-title" data-testid="ingest-key">
      <h2 id="ingest-key-title" className="section-title">
        {t('ingestKey.title', { enterprise: enterpriseName })}
      </h2>
      <p data-testid="ingest-key-status">
        {s.prefix
          ? t('ingestKey.current', { prefix: s.prefix, time: time(s.createdAt!) })
          : t('ingestKey.none')}
      </p>
      {issued && (
        <div className="ingest-key__issued" role="status" data-testid="ingest-key-issued">
          <p>
            <strong>{t('ingestKey.onceOnly')}</strong>
          </p>
          <code className="ingest-key__value" data-testid="ingest-key-value">
            {issued.key}
          </code>
          <button
            type="button"
            className="button button--small"
            onClick={() => void navigator.clipboard?.writeText(issued.key)}
          >
            {t('ingestKey.copy')}
          </button>
        </div>
      )}
      {issue.isError && <ErrorNotice error={issue.error} compact />}
      <button
        type="button"
        className="button"
        data-testid="issue-key"
        disabled={issue.isPending}
        onClick={() => {
          if (s.prefix && !window.confirm(t('ingestKey.confirmRotate'))) return;
          issue.mutate(undefined, { onSuccess: setIssued });
        }}
      >
        {s.prefix ? t('ingestKey.rotate') : t('ingestKey.issue')}
      </button>
      <h3>{t('ingestKey.howTitle')}</h3>
      <dl className="ingest-key__how">
        <dt>{t('ingestKey.mqtt')}</dt>
        <dd>
          <p>{t('ingestKey.mqttText')}</p>
          <code data-testid="ingest-mqtt-topic">{s.mqttTopic}</code>
          <pre>{'{"ts": "2026-01-01T08:00:00+08:00", "value": 0.8}'}</pre>
        </dd>
        <dt>{t('ingestKey.http')}</dt>
        <dd>
          <p>{t('ingestKey.httpText')}</p>
          <code data-testid="ingest-http-endpoint">POST {endpoint}</code>
          <pre>
            {
              'X-Ingest-Key: mik_…\n\n{"readings": [{"point": "CL2-AT01", "ts": 1767225600000, "value": 0.8}]}'
            }
          </pre>
        </dd>
      </dl>
    </section>
  );
}
