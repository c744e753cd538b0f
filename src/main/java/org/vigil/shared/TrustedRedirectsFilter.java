package org.vigil.shared;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the request's Host header out of redirects. The servlet container and Spring
 * Security build absolute redirect URLs from the Host the client sent, so a forged Host
 * would send the browser (with its next login) elsewhere. Redirects here stay relative,
 * and an absolute one keeps its host only when that is {@code vigil.site.base-url}'s or
 * one of {@code vigil.site.allowed-hosts}; otherwise only its path is kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedRedirectsFilter extends OncePerRequestFilter {

	private final Set<String> trustedHosts;

	TrustedRedirectsFilter(SiteProperties site) {
		this.trustedHosts = Stream.concat(Stream.of(site.baseUrl().getHost()), site.allowedHosts().stream())
			.filter((host) -> host != null && !host.isBlank())
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendRedirect(String location) {
				sendRedirect(location, HttpServletResponse.SC_FOUND, true);
			}

			@Override
			public void sendRedirect(String location, int status) {
				sendRedirect(location, status, true);
			}

			@Override
			public void sendRedirect(String location, boolean clearBuffer) {
				sendRedirect(location, HttpServletResponse.SC_FOUND, clearBuffer);
			}

			@Override
			public void sendRedirect(String location, int status, boolean clearBuffer) {
				// Set directly: the container's sendRedirect would make a relative
				// location absolute with the Host header.
				if (clearBuffer) {
					resetBuffer();
				}
				setStatus(status);
				setHeader(HttpHeaders.LOCATION, location);
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? trusted(value) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? trusted(value) : value);
			}

		});
	}

	/** The location as is when relative or on a trusted host, else only its path. */
	String trusted(String location) {
		if (location == null) {
			return null;
		}
		if (location.startsWith("/")) {
			// A path; but "//host" and "/\host" are read by browsers as another host.
			return (location.startsWith("//") || location.startsWith("/\\")) ? "/" : location;
		}
		URI uri;
		try {
			uri = new URI(location);
		}
		catch (URISyntaxException ex) {
			return "/";
		}
		String host = uri.getHost();
		if (uri.getScheme() == null && host == null && uri.getRawAuthority() == null) {
			return location;
		}
		if (host != null && this.trustedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return location;
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (path.startsWith("//") || path.startsWith("/\\")) {
			return "/";
		}
		return path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
				+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
	}

}
