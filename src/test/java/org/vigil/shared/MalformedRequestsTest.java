package org.vigil.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.vigil.support.TestUsers;
import org.vigil.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests no browser sends on its own — NUL bytes in parameters, forged session cookies,
 * a forged Host header — get a 4xx or are treated as harmless, never a 500 and never an
 * echo of what the attacker chose.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "vigil.users.max-failures-per-account=3",
		"vigil.users.max-failures-per-address=6", "vigil.site.base-url=https://vigil.example.org" })
class MalformedRequestsTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@Value("${local.server.port}")
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InvalidTextExceptionResolver invalidText;

	@AfterEach
	void forgetFailedLogins() {
		this.jdbc.update("delete from login_throttle");
	}

	@Test
	void aNulByteInAQueryParameterOrFormFieldGives400WithTheErrorPage() {
		TestUsers.analyst(this.jdbc, "nul@example.org");
		WebSession session = new WebSession(this.port).login("nul@example.org", TestUsers.PASSWORD);
		for (String path : new String[] { "/?q=%00", "/?q=defence%00x", "/?source=%00", "/searches?x=%01",
				"/items/1?page=%00", "/login?error=%00" }) {
			HttpResponse<String> response = session.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path)
				.contains("Request not understood")
				.contains("<header class=\"site-header\">")
				.doesNotContain("PSQLException")
				.doesNotContain("Exception");
		}
		HttpResponse<String> settings = session.postForm("/settings", Map.of("displayName", "Ola\u0000", "timeZone",
				"UTC", "language", "en", "digestDay", "1", "digestHour", "7"));
		assertThat(settings.statusCode()).isEqualTo(400);
		assertThat(settings.body()).contains("Request not understood");
		assertThat(
				this.jdbc.queryForObject("select count(*) from app_user where display_name like 'Ola%'", Integer.class))
			.isZero();
		HttpResponse<String> search = session.postForm("/searches", Map.of("name", "x\u0000y", "q", "nato"));
		assertThat(search.statusCode()).isEqualTo(400);
	}

	@Test
	void aNulByteInTheLoginFormGives400BeforeAnythingIsLookedUp() {
		WebSession anonymous = new WebSession(this.port);
		HttpResponse<String> login = anonymous.postForm("/login",
				Map.of("username", "a\u0000@example.org", "password", "whatever at all"));
		assertThat(login.statusCode()).isEqualTo(400);
		assertThat(login.body()).contains("Request not understood");
		HttpResponse<String> name = anonymous.postForm("/login",
				Map.of("user\u0000name", "a@example.org", "password", "whatever at all"));
		assertThat(name.statusCode()).isEqualTo(400);
	}

	@Test
	void textThatPostgresqlRefusesIsTheClientsMistakeNotAServerError() {
		// The filter keeps NUL away from SQL; should text get there some other way, the
		// database's refusal still maps to 400.
		DataAccessException refused = catchThrowableOfType(DataAccessException.class,
				() -> this.jdbc.queryForObject("select ?::text", String.class, "a\u0000b"));
		assertThat(refused).isNotNull();
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.invalidText.resolveException(new MockHttpServletRequest("GET", "/"), response, null, refused))
			.isNotNull();
		assertThat(response.getStatus()).isEqualTo(400);
		MockHttpServletResponse other = new MockHttpServletResponse();
		assertThat(this.invalidText.resolveException(new MockHttpServletRequest("GET", "/"), other, null,
				new IllegalStateException("boom")))
			.isNull();
	}

	@Test
	void aForgedOrGarbageSessionCookieIsTreatedAsNoSession() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String nulBytes = Base64.getEncoder().encodeToString(new byte[] { 0, 0, 0, 'x' });
		String notUtf8 = Base64.getEncoder().encodeToString(new byte[] { (byte) 0xC3, (byte) 0x28, 0 });
		for (String cookie : new String[] { "garbage", "AAAA", nulBytes, notUtf8, "%00", "x".repeat(4000),
				Base64.getEncoder().encodeToString("not-a-session-id".getBytes(StandardCharsets.UTF_8)),
				Base64.getEncoder()
					.encodeToString("00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.UTF_8)) }) {
			for (String path : new String[] { "/", "/login", "/settings" }) {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Accept", "text/html")
						.header("Cookie", "SESSION=" + cookie)
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode())
					.as(path + " with SESSION=" + cookie.substring(0, Math.min(20, cookie.length())))
					.isEqualTo(path.equals("/login") ? 200 : 302);
				assertThat(response.body()).doesNotContain("Exception");
			}
		}
	}

	@Test
	void redirectsNeverNameAForgedHost() throws Exception {
		RawResponse anonymous = raw(
				"GET /settings HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n" + "Connection: close\r\n\r\n");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).doesNotContain("evil.example").endsWith("/login");

		// The saved request is replayed after login with an absolute URL built from the
		// Host header: that is where a forged one would send the browser.
		TestUsers.analyst(this.jdbc, "host@example.org");
		String cookie = anonymous.cookie();
		RawResponse loginPage = raw(
				"GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n");
		Matcher csrf = CSRF.matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", "host@example.org");
		form.put("password", TestUsers.PASSWORD);
		form.put("_csrf", csrf.group(1));
		String body = form.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b)
			.orElseThrow();
		RawResponse login = raw("POST /login HTTP/1.1\r\nHost: evil.example:8443\r\nCookie: " + cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).doesNotContain("evil.example").contains("/settings");

		RawResponse logout = raw("GET /login?logout HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
		assertThat(logout.headers()).doesNotContain("evil.example");
	}

	@Test
	void theTrustedHostKeepsItsAbsoluteRedirects() throws Exception {
		RawResponse response = raw(
				"GET /settings HTTP/1.1\r\nHost: vigil.example.org\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).endsWith("/login").doesNotContain("localhost");
	}

	/**
	 * A response read off a raw socket: the JDK's client will not send a Host of ours.
	 */
	record RawResponse(int status, String headers, String body) {

		String location() {
			return header("Location");
		}

		String cookie() {
			String setCookie = header("Set-Cookie");
			return setCookie.substring(0, setCookie.indexOf(';'));
		}

		String header(String name) {
			Matcher matcher = Pattern.compile("(?im)^" + name + ":\\s*(.*?)\\r?$").matcher(this.headers);
			return matcher.find() ? matcher.group(1) : "";
		}

	}

	private RawResponse raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			String text = bytes.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String headers = text.substring(0, end);
			int status = Integer.parseInt(headers.substring(9, 12));
			return new RawResponse(status, headers, text.substring(end + 4));
		}
	}

}
