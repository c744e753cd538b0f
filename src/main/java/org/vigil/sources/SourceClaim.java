package org.vigil.sources;

import java.time.Instant;
import java.util.UUID;

/**
 * A crawl's hold on a source. Every write the crawl makes to the source names the token,
 * so a crawl that lost its hold (its deadline passed, its lease ran out, an operator took
 * the source over) changes nothing.
 *
 * @param source the source as it was when claimed
 * @param token the claim's token
 * @param owner the instance holding it ({@code pid@host})
 * @param leaseUntil held until then unless renewed
 */
public record SourceClaim(Source source, UUID token, String owner, Instant leaseUntil) {

}
