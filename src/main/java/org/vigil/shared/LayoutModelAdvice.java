package org.vigil.shared;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the version in the footer. */
@ControllerAdvice
class LayoutModelAdvice {

	private final String version = VigilVersion.current();

	@ModelAttribute("vigilVersion")
	String vigilVersion() {
		return this.version;
	}

}
