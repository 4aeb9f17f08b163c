/**
 * Desktop alerts (the Notification API) for urgent notifications while the console is open.
 * Permission is asked once, from a button in the console (browsers only grant it from a click),
 * and the answer "not now" is remembered. Every open tab gets the live push, but only one shows
 * the alert: the tab holding a Web Lock that it keeps while it lives (the next tab takes over when
 * it closes); the alert's tag, the notification's id, makes a stray second one replace the first.
 */

const ASKED_KEY = 'muster.desktopAlerts.asked';
const LEADER_LOCK = 'muster.desktopAlerts.leader';

export type AlertPermission = NotificationPermission | 'unsupported';

export function alertPermission(): AlertPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Whether the console should offer to turn alerts on: never answered, and never put off. */
export function shouldOfferAlerts(): boolean {
  if (alertPermission() !== 'default') return false;
  try {
    return localStorage.getItem(ASKED_KEY) === null;
  } catch {
    return false;
  }
}

export function putOffAlerts(): void {
  try {
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // Not stored: the offer comes again next time, which is the lesser harm.
  }
}

/** Asks the browser (from a click); the question is not offered again whatever the answer. */
export async function askForAlerts(): Promise<AlertPermission> {
  putOffAlerts();
  if (alertPermission() === 'unsupported') return 'unsupported';
  return Notification.requestPermission();
}

let leader: boolean | null = null;

/** Joins the tabs' election once per page load; without Web Locks every tab shows (tags dedupe). */
function isLeader(): boolean {
  if (leader !== null) return leader;
  if (typeof navigator === 'undefined' || !navigator.locks) return (leader = true);
  leader = false;
  void navigator.locks.request(
    LEADER_LOCK,
    () =>
      new Promise<void>(() => {
        leader = true;
        // Held until the tab goes away.
      }),
  );
  return leader;
}

/** Claims leadership early, so the first push already finds one tab in charge. */
export function joinAlertTabs(): void {
  isLeader();
}

export function showAlert(a: {
  id: string;
  title: string;
  body: string;
  lang: string;
  onClick: () => void;
}): void {
  if (alertPermission() !== 'granted' || !isLeader()) return;
  const shown = new Notification(a.title, {
    body: a.body,
    tag: `muster-${a.id}`,
    lang: a.lang,
    requireInteraction: true,
  });
  shown.onclick = () => {
    window.focus();
    a.onClick();
    shown.close();
  };
}
