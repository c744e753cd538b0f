package org.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server written on a bare socket, so that a test can misbehave as no
 * well-made server would: dribble a body, close mid-body, lie about lengths. It counts
 * every connection it accepts, which is how a test proves that nothing reached it.
 */
final class RawHttpServer implements AutoCloseable {

	/** Writes the whole response, status line included, for one request. */
	@FunctionalInterface
	interface Handler {

		void respond(String path, OutputStream out) throws IOException;

	}

	private final ServerSocket server;

	private final Map<String, Handler> routes = new ConcurrentHashMap<>();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	/** Connections accepted, whether or not a request followed. */
	final AtomicInteger connections = new AtomicInteger();

	/** Request paths, in order. */
	final List<String> requests = new CopyOnWriteArrayList<>();

	RawHttpServer(String address) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getByName(address));
		Thread acceptor = new Thread(this::accept, "raw-http-" + address);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	String base() {
		return "http://" + this.server.getInetAddress().getHostAddress() + ":" + port();
	}

	/**
	 * Answers requests for {@code path}, or for every path under it when it ends in
	 * {@code *}.
	 */
	RawHttpServer route(String path, Handler handler) {
		this.routes.put(path, handler);
		return this;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.open.add(socket);
				Thread worker = new Thread(() -> serve(socket), "raw-http-connection");
				worker.setDaemon(true);
				worker.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setSoTimeout(10_000);
			String requestLine = readHead(socket.getInputStream());
			String[] parts = requestLine.split(" ");
			String path = (parts.length > 1) ? parts[1] : "/";
			this.requests.add(path);
			Handler handler = handler(path);
			OutputStream out = socket.getOutputStream();
			if (handler != null) {
				handler.respond(path, out);
			}
			else {
				send(out, 404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException ex) {
			// The client went away (as it should, past a cap or deadline).
		}
		finally {
			this.open.remove(socket);
		}
	}

	private Handler handler(String path) {
		Handler exact = this.routes.get(path);
		if (exact != null) {
			return exact;
		}
		for (Map.Entry<String, Handler> route : this.routes.entrySet()) {
			String key = route.getKey();
			if (key.endsWith("*") && path.startsWith(key.substring(0, key.length() - 1))) {
				return route.getValue();
			}
		}
		return null;
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int b;
		int newlines = 0;
		while ((b = in.read()) != -1) {
			head.write(b);
			if (b == '\n') {
				newlines++;
				if (newlines == 2) {
					break;
				}
			}
			else if (b != '\r') {
				newlines = 0;
			}
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n");
		return (end >= 0) ? text.substring(0, end) : text;
	}

	static void send(OutputStream out, int status, String contentType, byte[] body) throws IOException {
		send(out, status, contentType, body, "");
	}

	static void send(OutputStream out, int status, String contentType, byte[] body, String extraHeaders)
			throws IOException {
		out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
				+ "\r\n" + extraHeaders + "Connection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
	}

	static void redirect(OutputStream out, String location) throws IOException {
		out.write(("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}

}
