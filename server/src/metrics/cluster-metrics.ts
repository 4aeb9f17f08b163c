import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'muster:metrics-request';
const RESPONSE = 'muster:metrics-response';
/** prom-client gives up on a process that does not answer in 5 s; this waits a little longer. */
const TIMEOUT_MS = 8000;

interface Request {
  type: typeof REQUEST;
  id: number;
}
interface Response {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

const isRequest = (m: unknown): m is Request => (m as Request | null)?.type === REQUEST;
const isResponse = (m: unknown): m is Response => (m as Response | null)?.type === RESPONSE;

/**
 * In a cluster's primary: answers any process's request for the whole cluster's metrics, which
 * prom-client's aggregator collects from every process over IPC (counters and histograms summed,
 * each default metric by its own rule). A scrape reaches one process of the shared port, and
 * would otherwise count only that process's share of the traffic.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRequest(message)) return;
    const answer = (r: Omit<Response, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id: message.id, ...r });
    };
    aggregator.clusterMetrics().then(
      (text) => answer({ text }),
      (e: unknown) => answer({ error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

let shared: Registry | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();

/** In a cluster's process: lets the primary collect `registry` when a scrape asks for the cluster's metrics. */
export function shareInCluster(registry: Registry): void {
  if (!cluster.isWorker || shared) return;
  shared = registry;
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one is what makes prom-client answer the primary's collection requests here.
  void new AggregatorRegistry();
  process.on('message', (message: unknown) => {
    if (!isResponse(message)) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.text !== undefined) waiting.resolve(message.text);
    else waiting.reject(new Error(`cluster metrics: ${message.error ?? 'no answer'}`));
  });
}

/** What a scrape answers: the whole cluster's metrics in a cluster, else this process's. */
export function scrape(registry: Registry): Promise<string> {
  if (shared !== registry || !process.send) return registry.metrics();
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error('cluster metrics: the primary did not answer'));
    }, TIMEOUT_MS);
    pending.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
    process.send!({ type: REQUEST, id });
  });
}
