package org.vigil.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and login ({@code vigil.users.*}).
 *
 * @param publicTimeline whether the timeline, item and entity pages can be read without
 * logging in
 * @param selfRegistration whether anyone may create an analyst account at /register
 * @param adminEmail with {@code adminPassword}, the admin created on first start when
 * there is no admin yet (e.g. from VIGIL_USERS_ADMIN_EMAIL and
 * VIGIL_USERS_ADMIN_PASSWORD)
 * @param adminPassword the first admin's password; never a default
 * @param maxFailuresPerAccount failed logins for one account within {@code failureWindow}
 * before it is blocked for {@code blockFor}
 * @param maxFailuresPerAddress failed logins from one address within
 * {@code failureWindow} before it is blocked
 * @param failureWindow how long failures are counted
 * @param blockFor how long a blocked account or address must wait
 * @param invitationValidity how long an invitation link works
 * @param defaultTimeZone time zone of new accounts and of visitors who are not logged in
 * @param mailFrom the sender of invitation mails
 * @param settingsCacheTtl how long a signed-in user's language and time zone are reused
 * between requests; a change made on this instance applies at once, one made on another
 * instance (or by a command) within this time
 */
@ConfigurationProperties("vigil.users")
public record UsersProperties(@DefaultValue("false") boolean publicTimeline,
		@DefaultValue("false") boolean selfRegistration, String adminEmail, String adminPassword,
		@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration blockFor,
		@DefaultValue("7d") Duration invitationValidity, @DefaultValue("UTC") String defaultTimeZone,
		@DefaultValue("Vigil <vigil@localhost>") String mailFrom, @DefaultValue("10s") Duration settingsCacheTtl) {

}
