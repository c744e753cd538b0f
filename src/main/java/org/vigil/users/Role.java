package org.vigil.users;

import java.util.Locale;

/** What an account may do: analysts read and keep searches, admins also run Vigil. */
public enum Role {

	ANALYST, ADMIN;

	/** The value stored in app_user.role. */
	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Role ofColumn(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/** The Spring Security authority, ROLE_ADMIN or ROLE_ANALYST. */
	String authority() {
		return "ROLE_" + name();
	}

}
