package org.vigil.shared;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the version in the footer and who is signed in. The
 * navigation reads {@link Viewer} rather than evaluating a security expression per link:
 * seven of those cost a tenth of a timeline page's rendering.
 */
@ControllerAdvice
class LayoutModelAdvice {

	private final String version = VigilVersion.current();

	/** The person looking at the page, as the layout needs it. */
	public record Viewer(boolean signedIn, boolean admin, String name) {

	}

	@ModelAttribute("vigilVersion")
	String vigilVersion() {
		return this.version;
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return new Viewer(false, false, null);
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return new Viewer(true, admin, authentication.getName());
	}

}
