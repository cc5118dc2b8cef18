import { BlockList, isIP } from 'node:net';

// Addresses a fetch on a user's behalf must never reach: the host itself, the LAN, the cloud
// metadata services (169.254.169.254, fd00:ec2::254, 100.100.100.200 sit inside these ranges).
const RANGES: [kind: string, family: 'ipv4' | 'ipv6', net: string, prefix: number][] = [
	['unspecified', 'ipv4', '0.0.0.0', 8],
	['private', 'ipv4', '10.0.0.0', 8],
	['CGNAT', 'ipv4', '100.64.0.0', 10],
	['loopback', 'ipv4', '127.0.0.0', 8],
	['link-local', 'ipv4', '169.254.0.0', 16],
	['private', 'ipv4', '172.16.0.0', 12],
	['reserved', 'ipv4', '192.0.0.0', 24],
	['private', 'ipv4', '192.168.0.0', 16],
	['benchmarking', 'ipv4', '198.18.0.0', 15],
	['multicast', 'ipv4', '224.0.0.0', 4],
	['reserved', 'ipv4', '240.0.0.0', 4],
	['unspecified', 'ipv6', '::', 128],
	['loopback', 'ipv6', '::1', 128],
	['unique-local', 'ipv6', 'fc00::', 7],
	['link-local', 'ipv6', 'fe80::', 10],
	['site-local', 'ipv6', 'fec0::', 10],
	['multicast', 'ipv6', 'ff00::', 8],
];

const lists = RANGES.map(([kind, family, net, prefix]) => {
	const list = new BlockList();
	list.addSubnet(net, prefix, family);
	return { kind, list };
});

// NAT64 and 6to4 addresses carry an IPv4 address that the gateway will reach for us.
function embeddedIpv4(ip: string): string | null {
	const nat64 = ip.match(/^64:ff9b::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i);
	if (nat64?.[1]) return nat64[1];
	const hex = ip.match(/^(?:64:ff9b::|2002:)([0-9a-f]{1,4}):([0-9a-f]{1,4})(?::|$)/i);
	if (!hex?.[1] || !hex[2]) return null;
	const a = Number.parseInt(hex[1], 16);
	const b = Number.parseInt(hex[2], 16);
	return [a >> 8, a & 255, b >> 8, b & 255].join('.');
}

/**
 * Why an IP address is off limits ("loopback", "private", "link-local", "CGNAT", "unique-local", …),
 * or null when it is a public address. IPv4-mapped, NAT64 and 6to4 forms are judged by their IPv4 part.
 */
export function privateAddressKind(ip: string): string | null {
	const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	const family = isIP(bare);
	if (family === 0) return 'invalid';
	const type = family === 4 ? 'ipv4' : 'ipv6';
	for (const { kind, list } of lists) if (list.check(bare, type)) return kind;
	const inner = family === 6 ? embeddedIpv4(bare.toLowerCase()) : null;
	return inner ? privateAddressKind(inner) : null;
}
