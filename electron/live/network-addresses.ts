import os from 'node:os';

/*
 * Where a host can listen: the machine's own addresses on its networks. A session binds to one of them (the
 * facilitator picks the room's network), never to every interface at once: the join code names one address, and
 * a laptop that is also on a café's Wi-Fi or a VPN should not offer the session there too.
 */

export interface NetworkAddress {
  readonly interface: string;
  readonly address: string;
  readonly family: 'IPv4' | 'IPv6';
}

/** The machine's addresses other people can reach, IPv4 first (what people type), link-local IPv6 left out. */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): NetworkAddress[] {
  const found: NetworkAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) continue;
      if (info.family === 'IPv6' && info.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ interface: name, address: info.address, family: info.family });
    }
  }
  return found.sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
}

/** The address a session binds to when the facilitator has not picked one: the first LAN address, else loopback. */
export function defaultHostAddress(): string {
  return lanAddresses()[0]?.address ?? '127.0.0.1';
}

/** Whether `address` means "every interface", which a session never binds to (see above). */
export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '';
}
