/**
 * The baseline for bench/http.ts: a bare Fastify + pg server that runs the product's read SQL for
 * each scenario, and the core writes of a create (built by the product's own query builders, handed over in a JSON file) with no
 * session, permission, scope or DTO layer. What it serves per second is the ceiling the product's
 * layers are measured against. Like the product (db/prepared.ts) it runs each as a named,
 * prepared statement.
 *   node --import tsx bench/bare-server.ts <queries.json> <port>
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

export interface BareQuery {
  sql: string;
  params: unknown[];
}
/**
 * Per scenario, the statements one request runs; `idParam` marks the parameter that takes :id. A
 * write runs them in order in one transaction, the first returning the new row's id, which then
 * takes the place of `idParam` in the others; `{seq}` in a text parameter becomes a number unique
 * to the request (a new customer's name and phone).
 */
export interface BareScenario {
  queries: BareQuery[];
  idParam?: unknown;
  write?: boolean;
}

const [file, port] = process.argv.slice(2);
const scenarios = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, BareScenario>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

let seq = 0;
async function runWrite(name: string, scenario: BareScenario) {
  const n = String(++seq);
  const client = await pool.connect();
  try {
    await client.query('begin');
    let id: unknown;
    for (const [i, q] of scenario.queries.entries()) {
      const values = q.params.map((p) => (i > 0 && String(p) === String(scenario.idParam) ? (typeof p === 'string' ? String(id) : id) : typeof p === 'string' ? p.replaceAll('{seq}', n) : p));
      const result = await client.query({ name: `bare_${name}_${i}`, text: q.sql, values });
      if (i === 0) id = result.rows[0].id;
    }
    await client.query('commit');
    return { id };
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

app.get<{ Params: { name: string; id?: string } }>('/bare/:name/:id?', async (req, reply) => {
  const scenario = scenarios[req.params.name];
  if (!scenario) return reply.status(404).send();
  if (scenario.write) return runWrite(req.params.name, scenario);
  const id = req.params.id ? Number(req.params.id) : undefined;
  const results = await Promise.all(
    scenario.queries.map((q, i) =>
      pool.query({
        name: `bare_${req.params.name}_${i}`,
        text: q.sql,
        values: q.params.map((p) => (id !== undefined && p === scenario.idParam ? id : p)),
      }),
    ),
  );
  return results.map((r) => r.rows);
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
