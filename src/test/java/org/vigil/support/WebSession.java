package org.vigil.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests against the running application: it keeps cookies,
 * logs in through the real login form, and sends the page's CSRF token with every form it
 * posts, as a browser would.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String base;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Logs in with the login form; fails the test if the login does not succeed. */
	public WebSession login(String email, String password) {
		HttpResponse<String> response = postForm("/login", Map.of("username", email, "password", password));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("/login")) {
			throw new AssertionError("Login as " + email + " failed: " + response.statusCode() + " " + location);
		}
		return this;
	}

	public HttpResponse<String> get(String path) {
		return get(path, "text/html");
	}

	/** A GET asking for the given media types, e.g. {@code application/json}. */
	public HttpResponse<String> get(String path, String accept) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", accept).GET().build());
	}

	/** The body of a page that must answer 200. */
	public String page(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " gave " + response.statusCode() + ":\n" + response.body());
		}
		return response.body();
	}

	/**
	 * Posts a form with the CSRF token of the login page (the token is the same for the
	 * whole session until login changes it, as Spring Security does).
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrfToken());
		return postFormWithoutToken(path, form);
	}

	/** Posts a form exactly as given: no CSRF token unless the fields hold one. */
	public HttpResponse<String> postFormWithoutToken(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** The CSRF token this session's forms carry, read from a page as a browser would. */
	public String csrfToken() {
		String page = get("/login").body();
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("No CSRF token on the login page");
		}
		return matcher.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
