/** "园区地图-20260301-0805.png": the view's title and the zone-local minute it was made. */
export function imageFileName(title: string, at: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'map';
  return `${safe}-${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}.png`;
}
