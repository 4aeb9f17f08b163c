import type { SimPoint } from './model.js';

interface Page<T> {
  items: T[];
}

/**
 * The points to simulate, read from Muster's API as the demo's zone admin would: every
 * installation's points, with their enterprise's credit code for the topic.
 */
export async function loadPoints(apiUrl: string, email: string, password: string): Promise<SimPoint[]> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email} failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const enterprises = await get<Page<{ id: string; creditCode: string }>>('/api/enterprises?pageSize=500');
  const codeOf = new Map(enterprises.items.map((e) => [e.id, e.creditCode]));
  const installations = await get<Page<{ id: string; enterpriseId: string }>>(
    '/api/installations?pageSize=500',
  );
  const points: SimPoint[] = [];
  for (const i of installations.items) {
    for (const p of await get<(Omit<SimPoint, 'enterpriseCode'> & { enterpriseId: string })[]>(
      `/api/installations/${i.id}/points`,
    )) {
      const enterpriseCode = codeOf.get(p.enterpriseId);
      if (!enterpriseCode) continue;
      points.push({
        enterpriseCode,
        code: p.code,
        unit: p.unit,
        rangeMin: p.rangeMin,
        rangeMax: p.rangeMax,
        high: p.high,
        highHigh: p.highHigh,
        low: p.low,
        lowLow: p.lowLow,
      });
    }
  }
  return points;
}
