package org.vigil.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into the addresses to connect to. A seam so that tests can make a
 * name resolve to loopback without a DNS server; production uses the system resolver.
 */
@FunctionalInterface
interface HostResolver {

	HostResolver SYSTEM = InetAddress::getAllByName;

	InetAddress[] resolve(String host) throws UnknownHostException;

}
