package org.vigil.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly digest ({@code vigil.digest.*}).
 *
 * @param enabled whether this instance sends due digests on its own (the command, the
 * preview and the admin page work either way)
 * @param checkInterval how often the scheduler looks for users whose digest is due
 * @param batchSize deliveries one worker claims, renders and sends over one SMTP
 * connection
 * @param threads workers that render and send in parallel during a run
 * @param maxAttempts SMTP attempts of one delivery before it is marked failed
 * @param retryBackoff wait before the second attempt; doubled for every further attempt
 * @param catchUp how late a digest is still sent when its hour passed unnoticed (the
 * instances were down, or the user just turned the digest on); older ones wait for next
 * week
 * @param claimTimeout how long a claimed delivery belongs to the instance that claimed
 * it; after that (the instance died) another instance or a restart finishes it
 * @param topPerSearch items listed per saved search; the rest are "and N more"
 * @param topEntities entities in the summary's "most mentioned this week"
 * @param mailFrom the sender of the digest
 * @param instance the name this instance claims deliveries under (default: host and
 * process id)
 */
@ConfigurationProperties("vigil.digest")
public record DigestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration checkInterval,
		@DefaultValue("100") int batchSize, @DefaultValue("8") int threads, @DefaultValue("5") int maxAttempts,
		@DefaultValue("5m") Duration retryBackoff, @DefaultValue("1d") Duration catchUp,
		@DefaultValue("10m") Duration claimTimeout, @DefaultValue("10") int topPerSearch,
		@DefaultValue("5") int topEntities, @DefaultValue("Vigil <vigil@localhost>") String mailFrom, String instance) {

}
