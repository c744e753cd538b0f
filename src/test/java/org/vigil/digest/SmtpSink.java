package org.vigil.digest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.vigil.shared.Pools;

/**
 * A local SMTP server for the benchmark that accepts every mail and keeps only counts, so
 * that the benchmark measures Vigil rather than a test server parsing and storing 10,000
 * messages in the same JVM. It speaks enough SMTP for Jakarta Mail: greeting, EHLO/HELO,
 * MAIL, RCPT, DATA (up to the line with a single dot), RSET, NOOP, QUIT.
 */
final class SmtpSink implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService connections = Executors
		.newCachedThreadPool(Pools.daemonThreads("smtp-sink-connection"));

	private final AtomicLong messages = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	SmtpSink() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Pools.daemonThreads("smtp-sink").newThread(this::accept).start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	long messages() {
		return this.messages.get();
	}

	long bytes() {
		return this.bytes.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.submit(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
			OutputStream out = socket.getOutputStream();
			reply(out, "220 localhost sink");
			String line;
			while ((line = in.readLine()) != null) {
				String command = (line.length() >= 4) ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> reply(out, "250 localhost");
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						long size = 0;
						while ((line = in.readLine()) != null && !line.equals(".")) {
							size += line.length() + 2;
						}
						this.bytes.addAndGet(size);
						this.messages.incrementAndGet();
						reply(out, "250 accepted");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.connections.shutdownNow();
	}

}
