package org.vigil.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.vigil.shared.RootCause;
import org.vigil.sources.UrlPolicy;

/**
 * The one door through which ingestion talks to other hosts: listings, articles,
 * robots.txt, the GOV.UK Content API, links found in feeds and pages, and every redirect
 * hop all come through here (OneOutboundDoorTest keeps it so). Each request parses its
 * URL strictly ({@link UrlPolicy#parse}), resolves the host once, refuses the request if
 * any address is not permitted, connects to exactly those addresses (so a name that
 * resolves elsewhere a second later changes nothing), and checks the peer of the socket
 * it got. HTTP/1.1 is spoken directly over the socket, one request per connection, so
 * that one total deadline covers connect, TLS, headers and body, and the body is capped
 * while it is read, after decompression too.
 * <p>
 * Redirects are not followed here: the caller follows them, each hop a new request
 * through this door.
 */
final class OutboundHttp {

	private static final int MAX_LINE = 16 * 1024;

	private static final int MAX_HEADER_BYTES = 128 * 1024;

	private final UrlPolicy policy;

	private final HostResolver resolver;

	private final Duration connectTimeout;

	private final Duration headerTimeout;

	private final Duration deadline;

	private final SSLSocketFactory tls;

	OutboundHttp(UrlPolicy policy, HostResolver resolver, Duration connectTimeout, Duration headerTimeout,
			Duration deadline) {
		this.policy = policy;
		this.resolver = resolver;
		this.connectTimeout = connectTimeout;
		this.headerTimeout = headerTimeout;
		this.deadline = deadline;
		this.tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
	}

	/**
	 * Where a URL would be fetched from: the strictly parsed URL and the permitted
	 * addresses of its host. Connects to nothing.
	 * @param url the URL
	 * @return the target
	 * @throws FetchException saying why the URL or one of its addresses is refused
	 */
	Target target(String url) {
		URI uri;
		try {
			uri = this.policy.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new FetchException(ex.getMessage());
		}
		String host = UrlPolicy.hostForLookup(uri);
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new FetchException("unknown host " + host + " for " + url);
		}
		catch (RuntimeException ex) {
			throw new FetchException("resolving " + host + " failed for " + url + ": " + describe(ex));
		}
		if (addresses == null || addresses.length == 0) {
			throw new FetchException("unknown host " + host + " for " + url);
		}
		for (InetAddress address : addresses) {
			// One private address among public ones is refused too: the connection may
			// go to any of them.
			if (!this.policy.permits(address)) {
				throw new FetchException(UrlPolicy.refused(address, url).getMessage());
			}
		}
		return new Target(uri, List.of(addresses));
	}

	/**
	 * A URL, parsed strictly, and the checked addresses of its host.
	 *
	 * @param uri the URL
	 * @param addresses where its host resolved to, each permitted
	 */
	record Target(URI uri, List<InetAddress> addresses) {

		boolean https() {
			return "https".equalsIgnoreCase(this.uri.getScheme());
		}

		int port() {
			return (this.uri.getPort() > 0) ? this.uri.getPort() : (https() ? 443 : 80);
		}

	}

	/**
	 * Sends a GET and reads the status line and headers; the body is read through the
	 * returned exchange, which the caller closes.
	 * @param url the URL
	 * @param headers request headers (Host and Connection are set here)
	 * @return the open exchange
	 * @throws FetchException with a reason an operator can act on
	 */
	Exchange get(String url, Map<String, String> headers) {
		long start = System.nanoTime();
		long deadlineAt = start + this.deadline.toNanos();
		Target target = target(url);
		Socket socket = connect(target, deadlineAt);
		try {
			InetAddress peer = socket.getInetAddress();
			if (!this.policy.permits(peer)) {
				throw new FetchException(UrlPolicy.refused(peer, url).getMessage());
			}
			if (target.https()) {
				socket = secure(socket, target, deadlineAt);
			}
			long headersAt = Math.min(deadlineAt, start + this.headerTimeout.toNanos());
			DeadlineInputStream timed = new DeadlineInputStream(socket, headersAt,
					"no response from " + url + " within " + seconds(this.headerTimeout) + " (timeout)");
			InputStream in = new BufferedInputStream(timed, 16384);
			OutputStream out = socket.getOutputStream();
			out.write(request(target.uri(), headers).getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			Head head = readHead(in, url);
			timed.limit(deadlineAt, "body of " + url + " not complete after " + seconds(this.deadline)
					+ " (vigil.ingest.fetch-deadline)");
			return new Exchange(url, head.status(), head.headers(), socket, body(head, in, url));
		}
		catch (FetchException ex) {
			closeQuietly(socket);
			throw ex;
		}
		catch (DeadlineException ex) {
			closeQuietly(socket);
			throw new FetchException(ex.getMessage(), 0, ex);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(socket);
			throw new FetchException("fetching " + url + " failed: " + describe(ex), 0, ex);
		}
	}

	private Socket connect(Target target, long deadlineAt) {
		IOException last = null;
		for (InetAddress address : target.addresses()) {
			long remaining = Math.min(this.connectTimeout.toMillis(), millisUntil(deadlineAt));
			if (remaining <= 0) {
				break;
			}
			Socket socket = new Socket(Proxy.NO_PROXY);
			try {
				socket.connect(new InetSocketAddress(address, target.port()), (int) Math.max(1, remaining));
				return socket;
			}
			catch (SocketTimeoutException ex) {
				closeQuietly(socket);
				last = ex;
			}
			catch (IOException ex) {
				closeQuietly(socket);
				last = ex;
			}
		}
		String host = target.uri().getHost();
		if (last instanceof SocketTimeoutException || last == null) {
			throw new FetchException(
					"connecting to " + host + " timed out after " + this.connectTimeout.toSeconds() + "s", 0, last);
		}
		throw new FetchException("connecting to " + host + " failed: " + describe(last), 0, last);
	}

	private Socket secure(Socket plain, Target target, long deadlineAt) throws IOException {
		String host = UrlPolicy.hostForLookup(target.uri());
		SSLSocket socket = (SSLSocket) this.tls.createSocket(plain, host, target.port(), true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!isIpLiteral(target.uri().getHost())) {
			parameters.setServerNames(List.of(new SNIHostName(host)));
		}
		socket.setSSLParameters(parameters);
		long remaining = millisUntil(deadlineAt);
		if (remaining <= 0) {
			throw new DeadlineException("no response from " + target.uri() + " within " + seconds(this.deadline)
					+ " (vigil.ingest.fetch-deadline)");
		}
		socket.setSoTimeout((int) Math.max(1, remaining));
		try {
			socket.startHandshake();
		}
		catch (SocketTimeoutException ex) {
			throw new DeadlineException("TLS handshake with " + host + " not complete after " + seconds(this.deadline)
					+ " (vigil.ingest.fetch-deadline)");
		}
		return socket;
	}

	private static boolean isIpLiteral(String host) {
		return host.startsWith("[") || host.matches("[0-9.]+");
	}

	private static String request(URI uri, Map<String, String> headers) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			path += "?" + uri.getRawQuery();
		}
		StringBuilder request = new StringBuilder(512);
		request.append("GET ").append(path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(uri.getRawAuthority()).append("\r\n");
		headers.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || name.indexOf(':') >= 0) {
				throw new FetchException("refusing a header with a line break: " + name);
			}
			request.append(name).append(": ").append(value).append("\r\n");
		});
		request.append("Connection: close\r\n\r\n");
		return request.toString();
	}

	/**
	 * The status line and headers.
	 *
	 * @param status the status code
	 * @param headers the headers, names case-insensitive
	 */
	private record Head(int status, Map<String, List<String>> headers) {

	}

	private static Head readHead(InputStream in, String url) throws IOException {
		int read = 0;
		while (true) {
			String statusLine = readLine(in, url);
			read += statusLine.length();
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
				throw new FetchException("not an HTTP/1.x response from " + url + ": "
						+ statusLine.substring(0, Math.min(80, statusLine.length())));
			}
			int status = Integer.parseInt(parts[1]);
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			String previous = null;
			while (true) {
				String line = readLine(in, url);
				read += line.length() + 2;
				if (read > MAX_HEADER_BYTES) {
					throw new FetchException("response headers of " + url + " are over " + MAX_HEADER_BYTES + " bytes");
				}
				if (line.isEmpty()) {
					break;
				}
				if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
					// Obsolete line folding: the value goes on.
					List<String> values = headers.get(previous);
					values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
					continue;
				}
				int colon = line.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				previous = line.substring(0, colon).strip();
				headers.computeIfAbsent(previous, key -> new ArrayList<>()).add(line.substring(colon + 1).strip());
			}
			if (status == 101) {
				throw new FetchException("unexpected protocol switch from " + url);
			}
			if (status >= 200) {
				return new Head(status, headers);
			}
			// 1xx interim responses (100 Continue, 103 Early Hints) come before the real
			// one.
		}
	}

	private static String readLine(InputStream in, String url) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			if (line.size() >= MAX_LINE) {
				throw new FetchException("a response header line of " + url + " is over " + MAX_LINE + " bytes");
			}
			line.write(b);
		}
		throw new FetchException("connection closed before the response headers were complete from " + url);
	}

	private static InputStream body(Head head, InputStream in, String url) {
		int status = head.status();
		if (status == 204 || status == 304) {
			return InputStream.nullInputStream();
		}
		String transferEncoding = first(head.headers(), "Transfer-Encoding");
		if (transferEncoding != null) {
			String last = transferEncoding.substring(transferEncoding.lastIndexOf(',') + 1)
				.strip()
				.toLowerCase(Locale.ROOT);
			return last.equals("chunked") ? new ChunkedInputStream(in, url) : in;
		}
		List<String> lengths = head.headers().getOrDefault("Content-Length", List.of());
		if (lengths.isEmpty()) {
			return in;
		}
		long length = -1;
		for (String value : lengths) {
			for (String part : value.split(",")) {
				long parsed;
				try {
					parsed = Long.parseLong(part.strip());
				}
				catch (NumberFormatException ex) {
					throw new FetchException("invalid Content-Length \"" + value + "\" from " + url);
				}
				if (parsed < 0 || (length >= 0 && parsed != length)) {
					throw new FetchException("conflicting Content-Length headers from " + url);
				}
				length = parsed;
			}
		}
		return new FixedLengthInputStream(in, length, url);
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return (values == null || values.isEmpty()) ? null : String.join(", ", values);
	}

	/** One request's response: status, headers, and the body not read yet. */
	static final class Exchange implements Closeable {

		private final String url;

		private final int status;

		private final Map<String, List<String>> headers;

		private final Socket socket;

		private final InputStream body;

		Exchange(String url, int status, Map<String, List<String>> headers, Socket socket, InputStream body) {
			this.url = url;
			this.status = status;
			this.headers = headers;
			this.socket = socket;
			this.body = body;
		}

		int status() {
			return this.status;
		}

		/**
		 * A header's value, several joined with commas.
		 * @param name the header name, any case
		 * @return the value or null
		 */
		String header(String name) {
			return first(this.headers, name);
		}

		/**
		 * Reads the whole body, decoding its Content-Encoding, and closes the exchange.
		 * Both the bytes on the wire and the decoded bytes are counted as they arrive, so
		 * neither a large page nor a small gzip bomb is ever held past the cap.
		 * @param maxBytes the cap for the body, before and after decoding
		 * @param sniffGzip also gunzip a body that starts with gzip's magic bytes though
		 * no Content-Encoding says so (robots.txt served as a .gz file)
		 * @return the decoded body
		 * @throws FetchException saying why the body could not be read; nothing half-read
		 * is returned
		 */
		byte[] readBody(long maxBytes, boolean sniffGzip) {
			try {
				String declared = header("Content-Length");
				if (declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxBytes) {
					throw new FetchException("body of " + declared + " bytes is over the limit of " + maxBytes + " for "
							+ this.url + " (vigil.ingest.max-body-bytes)", this.status, null);
				}
				InputStream wire = new CappedInputStream(this.body, maxBytes, "body is over the limit of " + maxBytes
						+ " bytes for " + this.url + " (vigil.ingest.max-body-bytes)");
				String encoding = (header("Content-Encoding") != null)
						? header("Content-Encoding").strip().toLowerCase(Locale.ROOT) : "identity";
				InputStream decoded = switch (encoding) {
					case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
					case "deflate" -> new InflaterInputStream(wire);
					case "identity", "" -> sniffGzip ? gunzipIfMagic(wire) : wire;
					default -> throw new FetchException(
							"unsupported Content-Encoding \"" + encoding + "\" from " + this.url, this.status, null);
				};
				InputStream capped = new CappedInputStream(decoded, maxBytes, "decompressed body is over the limit of "
						+ maxBytes + " bytes for " + this.url + " (vigil.ingest.max-body-bytes)");
				return capped.readAllBytes();
			}
			catch (FetchException ex) {
				throw ex;
			}
			catch (DeadlineException | TruncatedException ex) {
				throw new FetchException(ex.getMessage(), this.status, ex);
			}
			catch (ZipException | EOFException ex) {
				throw new FetchException("corrupt or truncated compressed body from " + this.url + ": " + describe(ex),
						this.status, ex);
			}
			catch (IOException | RuntimeException ex) {
				throw new FetchException("reading the body of " + this.url + " failed: " + describe(ex), this.status,
						ex);
			}
			finally {
				close();
			}
		}

		private static InputStream gunzipIfMagic(InputStream in) throws IOException {
			PushbackInputStream pushback = new PushbackInputStream(in, 2);
			byte[] magic = pushback.readNBytes(2);
			pushback.unread(magic);
			boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
			return gzip ? new GZIPInputStream(pushback, 8192) : pushback;
		}

		@Override
		public void close() {
			closeQuietly(this.socket);
		}

	}

	/** A read that ran into the deadline; its message is the operator's. */
	static final class DeadlineException extends IOException {

		DeadlineException(String message) {
			super(message);
		}

	}

	/** A body that ended before its length; its message is the operator's. */
	static final class TruncatedException extends IOException {

		TruncatedException(String message) {
			super(message);
		}

	}

	/**
	 * A stream whose work is in {@code read(byte[], int, int)}; a single byte is read
	 * through it, so every wrapper below checks its deadline, framing or cap once.
	 */
	private abstract static class BlockInputStream extends InputStream {

		@Override
		public final int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n == -1) ? -1 : (one[0] & 0xff);
		}

	}

	/**
	 * The socket's input, each read allowed only the time left until a limit: a server
	 * that dribbles a byte a second meets the deadline, not a per-read timeout.
	 */
	private static final class DeadlineInputStream extends BlockInputStream {

		private final Socket socket;

		private final InputStream in;

		private long limitAt;

		private String message;

		DeadlineInputStream(Socket socket, long limitAt, String message) throws IOException {
			this.socket = socket;
			this.in = socket.getInputStream();
			this.limitAt = limitAt;
			this.message = message;
		}

		void limit(long limitAt, String message) {
			this.limitAt = limitAt;
			this.message = message;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			long remaining = millisUntil(this.limitAt);
			if (remaining <= 0) {
				throw new DeadlineException(this.message);
			}
			this.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, remaining)));
			try {
				return this.in.read(buffer, offset, length);
			}
			catch (SocketTimeoutException ex) {
				throw new DeadlineException(this.message);
			}
		}

	}

	/** A body framed by Content-Length: ending early is an error, not a short page. */
	private static final class FixedLengthInputStream extends BlockInputStream {

		private final InputStream in;

		private final long length;

		private final String url;

		private long read;

		FixedLengthInputStream(InputStream in, long length, String url) {
			this.in = in;
			this.length = length;
			this.url = url;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) throws IOException {
			if (this.read >= this.length) {
				return -1;
			}
			int n = this.in.read(buffer, offset, (int) Math.min(count, this.length - this.read));
			if (n == -1) {
				throw new TruncatedException("connection closed mid-body: " + this.read + " of " + this.length
						+ " bytes received from " + this.url);
			}
			this.read += n;
			return n;
		}

	}

	/** Transfer-Encoding: chunked, with the connection closing mid-chunk an error. */
	private static final class ChunkedInputStream extends BlockInputStream {

		private final InputStream in;

		private final String url;

		private long left;

		private boolean done;

		private long received;

		ChunkedInputStream(InputStream in, String url) {
			this.in = in;
			this.url = url;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) throws IOException {
			if (this.done) {
				return -1;
			}
			if (this.left == 0) {
				String size = chunkLine();
				int semicolon = size.indexOf(';');
				String hex = ((semicolon >= 0) ? size.substring(0, semicolon) : size).strip();
				if (!hex.matches("[0-9a-fA-F]{1,15}")) {
					throw new IOException("bad chunk size \"" + hex + "\" from " + this.url);
				}
				this.left = Long.parseLong(hex, 16);
				if (this.left == 0) {
					// Trailers, then the end.
					while (!chunkLine().isEmpty()) {
						// skipped
					}
					this.done = true;
					return -1;
				}
			}
			int n = this.in.read(buffer, offset, (int) Math.min(count, this.left));
			if (n == -1) {
				throw truncated();
			}
			this.left -= n;
			this.received += n;
			if (this.left == 0) {
				chunkLine();
			}
			return n;
		}

		private String chunkLine() throws IOException {
			StringBuilder line = new StringBuilder();
			int b;
			while ((b = this.in.read()) != -1) {
				if (b == '\n') {
					int length = line.length();
					return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1)
							: line.toString();
				}
				if (line.length() > 4096) {
					throw new IOException("bad chunked encoding from " + this.url);
				}
				line.append((char) b);
			}
			throw truncated();
		}

		private TruncatedException truncated() {
			return new TruncatedException("connection closed mid-body after " + this.received + " bytes from "
					+ this.url + " (chunked body not complete)");
		}

	}

	/** Counts bytes as they are read and fails the moment they pass the cap. */
	private static final class CappedInputStream extends BlockInputStream {

		private final InputStream in;

		private final long max;

		private final String message;

		private long total;

		CappedInputStream(InputStream in, long max, String message) {
			this.in = in;
			this.max = max;
			this.message = message;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// Ask for at most one byte past the cap, so going over is seen at once.
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.max - this.total + 1));
			if (n > 0) {
				this.total += n;
				if (this.total > this.max) {
					throw new FetchException(this.message);
				}
			}
			return n;
		}

	}

	private static long millisUntil(long nanos) {
		long remaining = nanos - System.nanoTime();
		return (remaining <= 0) ? 0 : Math.max(1, remaining / 1_000_000);
	}

	static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// Nothing to do: the connection is dropped.
		}
	}

	private static String describe(Throwable ex) {
		// Socket exceptions often carry no message; the deepest cause says what happened.
		return RootCause.of(ex);
	}

}
