package org.vigil.users;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

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

	/** Maps a role to app_user.role and back. */
	@jakarta.persistence.Converter
	static final class Column implements AttributeConverter<Role, String> {

		@Override
		public String convertToDatabaseColumn(Role role) {
			return (role != null) ? role.column() : null;
		}

		@Override
		public Role convertToEntityAttribute(String value) {
			return (value != null) ? ofColumn(value) : null;
		}

	}

	/** The Spring Security authority, ROLE_ADMIN or ROLE_ANALYST. */
	String authority() {
		return "ROLE_" + name();
	}

}
