package org.vigil.sources;

import java.util.ArrayList;
import java.util.List;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes sources: from the command line and YAML files (a source of the same
 * key is replaced) and from the admin page, where an edit names the version it was made
 * on and is refused when someone else changed the source meanwhile.
 */
@Service
public class SourceEditor {

	private final SourceRepository sources;

	SourceEditor(SourceRepository sources) {
		this.sources = sources;
	}

	/** Adds the source, or replaces the one with the same key. */
	@Transactional
	public Source put(SourceDeclaration declaration) {
		return putAll(List.of(declaration)).get(0);
	}

	/**
	 * Adds or replaces every source, or none: one bad declaration changes nothing.
	 * @throws IllegalArgumentException naming the source and what is wrong with it
	 */
	@Transactional
	public List<Source> putAll(List<SourceDeclaration> declarations) {
		List<Source> saved = new ArrayList<>();
		for (SourceDeclaration declaration : declarations) {
			Source source = this.sources.findByKey(declaration.key()).orElse(null);
			if (source == null) {
				source = new Source(declaration);
			}
			else {
				source.apply(declaration);
			}
			saved.add(this.sources.saveAndFlush(source));
		}
		return saved;
	}

	/** Adds a new source; a source with this key already exists is an error. */
	@Transactional
	public Source add(SourceDeclaration declaration) {
		if (this.sources.findByKey(declaration.key()).isPresent()) {
			throw new IllegalArgumentException(
					"a source with key " + declaration.key() + " already exists; edit it from its own page");
		}
		return this.sources.saveAndFlush(new Source(declaration));
	}

	/**
	 * Changes a source as an admin edited it on the given version.
	 * @throws SourceChangedException when the source changed since that version
	 */
	public Source edit(long id, long version, SourceDeclaration declaration) {
		Source source = this.sources.findById(id).orElseThrow(() -> new IllegalArgumentException("no source " + id));
		if (source.version() != version) {
			throw new SourceChangedException(source.key());
		}
		source.apply(declaration);
		try {
			// The version check in the update catches an edit saved between our read and
			// this write.
			return this.sources.saveAndFlush(source);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new SourceChangedException(source.key());
		}
	}

	@Transactional
	public void setEnabled(long id, boolean enabled) {
		this.sources.findById(id).ifPresent((source) -> source.enable(enabled));
	}

}
