package org.vigil.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs, once the web application is up, which database it works on. */
@Component
@ConditionalOnWebApplication
class DatabaseStartupReport {

	private static final Logger log = LoggerFactory.getLogger(DatabaseStartupReport.class);

	private final DatabaseDescription database;

	DatabaseStartupReport(DatabaseDescription database) {
		this.database = database;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		log.atInfo()
			.addKeyValue("database", this.database.describe())
			.log("Vigil is using {}", this.database.describe());
	}

}
