import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { privateAddressKind } from './private-address.js';

/** Resolves a host name to every address it has; injectable, so tests can stand in for DNS. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

/** Which addresses a fetch may reach: any (allowPrivateUrls), or public ones plus an explicit list. */
export type AddressPolicy = { allowPrivateUrls: boolean; allowAddresses?: string[] };

/** The system resolver (getaddrinfo, as Node's own connections use), every address in the order DNS gives them. */
export const systemResolve: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** A refusal decided while connecting; its message follows the URL in the UserError fetch.ts raises. */
export class HostRefusedError extends Error {
	override name = 'HostRefusedError';
	readonly code = 'ATTACHE_HOST_REFUSED';
}

/** Why the policy forbids this address ("refused: resolves to a loopback address 127.0.0.1"), or null. */
export function addressRefusal(address: string, policy: AddressPolicy): string | null {
	if (policy.allowPrivateUrls || policy.allowAddresses?.includes(address)) return null;
	const kind = privateAddressKind(address);
	return kind ? `refused: resolves to a ${kind} address ${address}` : null;
}

async function checkedAddresses(hostname: string, policy: AddressPolicy, resolve: ResolveHost) {
	let found: LookupAddress[];
	try {
		found = await resolve(hostname);
	} catch (err) {
		const code = (err as { code?: string }).code;
		if (code === 'ENOTFOUND' || code === 'ENODATA') throw new HostRefusedError(`host ${hostname} not found`);
		throw new HostRefusedError(`could not resolve host ${hostname} (${code ?? 'DNS error'})`);
	}
	if (found.length === 0) throw new HostRefusedError(`host ${hostname} not found`);
	// One bad address refuses the host: which one a connection would use is not ours to predict.
	for (const { address } of found) {
		const refusal = addressRefusal(address, policy);
		if (refusal) throw new HostRefusedError(refusal);
	}
	return found;
}

/**
 * A `lookup` for net/tls connections that resolves once, refuses the host when any address is off limits, and
 * hands the connection exactly the addresses it checked: no second resolution for DNS rebinding to slip into.
 */
export function pinnedLookup(policy: AddressPolicy, resolve: ResolveHost = systemResolve): LookupFunction {
	return (hostname, options, callback) => {
		const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
		checkedAddresses(hostname, policy, resolve).then(
			(found) => {
				const wanted = family ? found.filter((a) => a.family === family) : found;
				const first = wanted[0];
				if (!first) callback(new HostRefusedError(`host ${hostname} has no IPv${family} address`), '', 0);
				else if (options.all) callback(null, wanted);
				else callback(null, first.address, first.family);
			},
			(err: Error) => callback(err, '', 0),
		);
	};
}

// One connection pool per policy and resolver, so keep-alive still works across the articles of a feed.
const agents = new WeakMap<ResolveHost, Map<string, Agent>>();

/** An undici Agent (for fetch's `dispatcher`) whose every connection goes through `pinnedLookup`. */
export function pinnedAgent(policy: AddressPolicy, resolve: ResolveHost = systemResolve): Agent {
	const key = JSON.stringify([policy.allowPrivateUrls, [...(policy.allowAddresses ?? [])].sort()]);
	const pool = agents.get(resolve) ?? new Map<string, Agent>();
	agents.set(resolve, pool);
	let agent = pool.get(key);
	if (!agent) {
		agent = new Agent({ connect: { lookup: pinnedLookup(policy, resolve) } });
		pool.set(key, agent);
	}
	return agent;
}
