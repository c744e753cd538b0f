package org.vigil.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.vigil.sources.UrlPolicy;

/**
 * The connections {@link OutboundHttp} sends through: Apache HttpClient's pool, with the
 * address checks put where HttpClient resolves and connects. The resolver refuses a host
 * if any of its addresses is not permitted (the connection may go to any of them); the
 * socket checks the address it is about to connect to and the peer it got, before a byte
 * is sent. A pooled connection is reused only for the same scheme, host and port, and was
 * checked when it was opened, so reuse skips no check.
 */
final class GuardedConnections {

	/** Longest response header line, as the hand-written client allowed. */
	private static final int MAX_LINE = 16 * 1024;

	/** Headers in one response; with {@link #MAX_LINE}, a bound on what a head costs. */
	private static final int MAX_HEADERS = 200;

	private GuardedConnections() {
	}

	/**
	 * A pool whose every new connection is checked against the policy.
	 * @param policy which addresses may be contacted
	 * @param resolver where host names are looked up
	 * @param connectTimeout TCP connect timeout per address
	 * @param socketTimeout longest wait for one read (the fetch deadline stops a whole
	 * request sooner)
	 * @return the pool
	 */
	static PoolingHttpClientConnectionManager pool(UrlPolicy policy, HostResolver resolver, Duration connectTimeout,
			Duration socketTimeout) {
		DetachedSocketFactory sockets = (proxy) -> new CheckedSocket(policy);
		DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(sockets,
				DefaultSchemePortResolver.INSTANCE, new CheckedResolver(policy, resolver),
				RegistryBuilder.<TlsSocketStrategy>create()
					.register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createSystemDefault())
					.build());
		ManagedHttpClientConnectionFactory connections = ManagedHttpClientConnectionFactory.builder()
			.http1Config(Http1Config.custom().setMaxLineLength(MAX_LINE).setMaxHeaderCount(MAX_HEADERS).build())
			.build();
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(operator,
				PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), connections);
		Timeout socket = Timeout.ofMilliseconds(socketTimeout.toMillis());
		pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(socket).build());
		pool.setDefaultConnectionConfig(ConnectionConfig.custom()
			.setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
			.setSocketTimeout(socket)
			// A connection idle this long is checked before reuse: a server that
			// closed it meanwhile costs a new connection, not a failed fetch.
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.setTimeToLive(TimeValue.ofMinutes(1))
			.build());
		pool.setMaxTotal(64);
		pool.setDefaultMaxPerRoute(8);
		return pool;
	}

	/**
	 * An address the policy refuses. An {@link UnknownHostException} so that a resolver
	 * may throw it; HttpClient passes it on unchanged.
	 */
	static final class RefusedAddressException extends UnknownHostException {

		private final InetAddress address;

		RefusedAddressException(InetAddress address) {
			super("refused address " + address.getHostAddress());
			this.address = address;
		}

		InetAddress address() {
			return this.address;
		}

	}

	/** Looks names up through the {@link HostResolver} seam and refuses mixed answers. */
	private static final class CheckedResolver implements DnsResolver {

		private final UrlPolicy policy;

		private final HostResolver resolver;

		CheckedResolver(UrlPolicy policy, HostResolver resolver) {
			this.policy = policy;
			this.resolver = resolver;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
			InetAddress[] addresses = this.resolver.resolve(name);
			if (addresses == null || addresses.length == 0) {
				throw new UnknownHostException(name);
			}
			for (InetAddress address : addresses) {
				if (!this.policy.permits(address)) {
					throw new RefusedAddressException(address);
				}
			}
			return addresses;
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			List<InetSocketAddress> endpoints = new ArrayList<>();
			for (InetAddress address : resolve(host)) {
				endpoints.add(new InetSocketAddress(address, port));
			}
			return endpoints;
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			// Only Kerberos asks for it, and Vigil sends no credentials: no second
			// lookup.
			return host;
		}

	}

	/**
	 * A socket that connects only to a permitted address, never through a proxy, and
	 * checks the peer it reached before anything is written to it.
	 */
	private static final class CheckedSocket extends Socket {

		private final UrlPolicy policy;

		CheckedSocket(UrlPolicy policy) {
			super(Proxy.NO_PROXY);
			this.policy = policy;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress target) || target.getAddress() == null) {
				throw new UnknownHostException("unresolved endpoint " + endpoint);
			}
			if (!this.policy.permits(target.getAddress())) {
				close();
				throw new RefusedAddressException(target.getAddress());
			}
			super.connect(endpoint, timeout);
			InetAddress peer = getInetAddress();
			if (peer == null || !this.policy.permits(peer)) {
				close();
				throw new RefusedAddressException((peer != null) ? peer : target.getAddress());
			}
		}

	}

}
