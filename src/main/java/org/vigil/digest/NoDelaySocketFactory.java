package org.vigil.digest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Plain SMTP sockets with TCP_NODELAY. Without it every mail waits for the classic
 * Nagle/delayed-ACK stall (about 40 ms on Linux) after its last small segment, which
 * capped a digest run at about 25 mails a second per connection whatever the server.
 */
class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
