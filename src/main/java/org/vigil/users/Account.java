package org.vigil.users;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A Vigil user as the rest of Vigil sees it: who, what they may do, and how they like
 * dates and the weekly digest.
 *
 * @param id the account id (app_user.id)
 * @param email lower-case e-mail address, the login name
 * @param displayName a name to greet the user with, or null
 * @param role analyst or admin
 * @param enabled whether the account may log in and receives mail
 * @param activated whether a password is set (false while an invitation is pending)
 * @param timeZone the user's time zone
 * @param locale the language of dates
 * @param digestEnabled whether the weekly digest is sent
 * @param digestDay the weekday of the digest, in the user's time zone
 * @param digestHour the hour of the digest, in the user's time zone
 * @param createdAt when the account was made
 * @param lastLoginAt the last successful login, or null
 * @param version the account's version: an edit form sends it back, so that a change made
 * meanwhile by someone else is not overwritten
 */
public record Account(long id, String email, String displayName, Role role, boolean enabled, boolean activated,
		ZoneId timeZone, Locale locale, boolean digestEnabled, DayOfWeek digestDay, int digestHour, Instant createdAt,
		Instant lastLoginAt, long version) {

	/** The display name, or the e-mail address when none is set. */
	public String name() {
		return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

}
