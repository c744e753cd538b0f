package org.vigil.sources;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses that are not on the public internet: loopback, private, link-local,
 * multicast, carrier-grade NAT, reserved and documentation ranges, and IPv6 forms that
 * carry an IPv4 address inside.
 */
final class NonPublicAddresses {

	private NonPublicAddresses() {
	}

	static boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address v6 && embedsIpv4(v6)) {
			return true;
		}
		boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		// ::/8 is reserved (it holds ::1, ::, the mapped, compatible and NAT64 forms; the
		// fuzz test found ::f:fff:7f00:1); 2001::/32 is Teredo, which hides an IPv4
		// address; 2001:db8::/32 is for documentation.
		boolean reservedV6 = bytes.length == 16 && (bytes[0] == 0 || (bytes[0] == 0x20 && bytes[1] == 0x01
				&& ((bytes[2] == 0 && bytes[3] == 0) || (bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8))));
		boolean v4 = bytes.length == 4;
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		boolean carrierNat = v4 && first == 100 && (second & 0xc0) == 64;
		boolean thisNetwork = v4 && first == 0;
		boolean ietf = v4 && first == 192 && second == 0 && (bytes[2] & 0xff) == 0;
		boolean benchmark = v4 && first == 198 && (second & 0xfe) == 18;
		boolean reserved = v4 && first >= 240;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || reservedV6
				|| carrierNat || thisNetwork || ietf || benchmark || reserved;
	}

	/** ::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::/96 (NAT64) and 2002::/16 (6to4). */
	static boolean embedsIpv4(Inet6Address address) {
		byte[] b = address.getAddress();
		boolean zeros80 = true;
		for (int i = 0; i < 10; i++) {
			zeros80 &= b[i] == 0;
		}
		boolean compatible = zeros80 && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
		boolean loopbackOrAny = zeros80 && b[10] == 0 && b[11] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0
				&& (b[15] == 0 || b[15] == 1);
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
		boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
		return (compatible && !loopbackOrAny) || nat64 || sixToFour;
	}

}
