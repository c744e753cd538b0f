package org.vigil.sources;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The sources as admins edit them. Their crawl status changes through
 * {@link SourceCrawlStore}; edits go through {@link SourceEditor}, which guards against
 * two admins overwriting each other.
 */
public interface SourceRepository extends JpaRepository<Source, Long> {

	/** Every source, by key. */
	@Override
	@Query("select s from Source s order by s.key")
	List<Source> findAll();

	Optional<Source> findByKey(String key);

	/**
	 * A source as an operator names it on the command line: its key, or its numeric id.
	 */
	default Optional<Source> findByKeyOrId(String keyOrId) {
		return keyOrId.matches("\\d{1,18}") ? findById(Long.parseLong(keyOrId)) : findByKey(keyOrId);
	}

}
