package org.vigil.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.TruncatedChunkException;

import org.vigil.shared.RootCause;

/**
 * One response from {@link OutboundHttp}: status, headers, and the body not read yet. The
 * caller closes it, by reading the body or by {@link #close()}. Only a body read to its
 * end leaves the connection for reuse; any other end closes the connection, so no
 * half-read response is ever mistaken for the start of the next.
 */
final class OutboundResponse implements AutoCloseable {

	private final String url;

	private final HttpUriRequestBase request;

	private final ClassicHttpResponse response;

	private final FetchDeadline deadline;

	private boolean complete;

	OutboundResponse(String url, HttpUriRequestBase request, ClassicHttpResponse response, FetchDeadline deadline) {
		this.url = url;
		this.request = request;
		this.response = response;
		this.deadline = deadline;
	}

	int status() {
		return this.response.getCode();
	}

	/**
	 * A header's value, several joined with commas.
	 * @param name the header name, any case
	 * @return the value or null
	 */
	String header(String name) {
		Header[] headers = this.response.getHeaders(name);
		if (headers.length == 0) {
			return null;
		}
		StringBuilder joined = new StringBuilder(headers[0].getValue());
		for (int i = 1; i < headers.length; i++) {
			joined.append(", ").append(headers[i].getValue());
		}
		return joined.toString();
	}

	/**
	 * Reads the whole body, decoding its Content-Encoding, and closes the response. Both
	 * the bytes on the wire and the decoded bytes are counted as they arrive, so neither
	 * a large page nor a small gzip bomb is ever held past the cap.
	 * @param maxBytes the cap for the body, before and after decoding
	 * @param sniffGzip also gunzip a body that starts with gzip's magic bytes though no
	 * Content-Encoding says so (robots.txt served as a .gz file)
	 * @return the decoded body
	 * @throws FetchException saying why the body could not be read; nothing half-read is
	 * returned
	 */
	byte[] readBody(long maxBytes, boolean sniffGzip) {
		CappedInputStream wire = null;
		try {
			HttpEntity entity = this.response.getEntity();
			if (entity == null) {
				this.complete = true;
				return new byte[0];
			}
			long declared = entity.getContentLength();
			if (declared > maxBytes) {
				throw new FetchException("body of " + declared + " bytes is over the limit of " + maxBytes + " for "
						+ this.url + " (vigil.ingest.max-body-bytes)", status(), null);
			}
			wire = new CappedInputStream(entity.getContent(), maxBytes, "body is over the limit of " + maxBytes
					+ " bytes for " + this.url + " (vigil.ingest.max-body-bytes)");
			String encoding = (header("Content-Encoding") != null)
					? header("Content-Encoding").strip().toLowerCase(Locale.ROOT) : "identity";
			InputStream decoded = switch (encoding) {
				case "gzip", "x-gzip" -> new GZIPInputStream(wire, 8192);
				case "deflate" -> new InflaterInputStream(wire);
				case "identity", "" -> sniffGzip ? gunzipIfMagic(wire) : wire;
				default -> throw new FetchException(
						"unsupported Content-Encoding \"" + encoding + "\" from " + this.url, status(), null);
			};
			InputStream capped = new CappedInputStream(decoded, maxBytes, "decompressed body is over the limit of "
					+ maxBytes + " bytes for " + this.url + " (vigil.ingest.max-body-bytes)");
			byte[] body = capped.readAllBytes();
			// The rest of the wire (a gzip trailer's padding) is read too, so that
			// closing it hands the connection back instead of dropping it.
			wire.transferTo(OutputStream.nullOutputStream());
			this.complete = true;
			wire.close();
			return body;
		}
		catch (FetchException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw failure(ex, (wire != null) ? wire.total() : 0);
		}
		finally {
			close();
		}
	}

	private FetchException failure(Exception ex, long received) {
		String struck = this.deadline.struck();
		if (struck != null) {
			return new FetchException(struck, status(), ex);
		}
		if (ex instanceof TruncatedChunkException || (ex instanceof ConnectionClosedException
				&& header("Transfer-Encoding") != null && header("Content-Length") == null)) {
			return new FetchException("connection closed mid-body after " + received + " bytes from " + this.url
					+ " (chunked body not complete)", status(), ex);
		}
		if (ex instanceof ConnectionClosedException) {
			return new FetchException("connection closed mid-body: " + received + " of "
					+ this.response.getEntity().getContentLength() + " bytes received from " + this.url, status(), ex);
		}
		if (ex instanceof ZipException || ex instanceof EOFException) {
			return new FetchException("corrupt or truncated compressed body from " + this.url + ": " + RootCause.of(ex),
					status(), ex);
		}
		return new FetchException("reading the body of " + this.url + " failed: " + RootCause.of(ex), status(), ex);
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
		this.deadline.end();
		if (!this.complete) {
			// Drops the connection at once: closing normally would read the rest of a
			// body that is too large, too slow or of no interest.
			this.request.cancel();
		}
		try {
			this.response.close();
		}
		catch (IOException ex) {
			// Nothing to do: the connection is dropped.
		}
	}

	/** Counts bytes as they are read and fails the moment they pass the cap. */
	private static final class CappedInputStream extends InputStream {

		private final InputStream in;

		private final long max;

		private final String message;

		private long total;

		CappedInputStream(InputStream in, long max, String message) {
			this.in = in;
			this.max = max;
			this.message = message;
		}

		long total() {
			return this.total;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n == -1) ? -1 : (one[0] & 0xff);
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

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
