import { useState } from 'react';
import { askForAlerts, putOffAlerts, shouldOfferAlerts } from './browser-alerts';
import { useNotificationsT } from './i18n';

/**
 * The one question about desktop alerts, asked in the console (at the top of the bell's panel,
 * where urgent notifications are looked for) before the browser asks; gone once answered.
 */
export function DesktopAlertsPrompt() {
  const { t } = useNotificationsT();
  const [offer, setOffer] = useState(shouldOfferAlerts);
  if (!offer) return null;
  return (
    <div
      className="notice notice--info desktop-alerts-prompt"
      role="region"
      aria-label={t('prefs.browserTitle')}
      data-testid="desktop-alerts-prompt"
    >
      <span>{t('prompt.text')}</span>
      <span className="desktop-alerts-prompt__actions">
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => void askForAlerts().finally(() => setOffer(false))}
        >
          {t('prompt.enable')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            putOffAlerts();
            setOffer(false);
          }}
        >
          {t('prompt.later')}
        </button>
      </span>
    </div>
  );
}
