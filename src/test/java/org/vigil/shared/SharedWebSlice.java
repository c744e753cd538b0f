package org.vigil.shared;

import org.vigil.support.WebSlice;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What every page needs from the shared package in a {@link WebSlice}. The slice picks up
 * the servlet filters and {@link LayoutModelAdvice} by itself; they get their real
 * collaborators here, except {@link DatabaseAvailability}, which watches the database and
 * is replaced by one that always finds it available.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteProperties.class)
@Import({ ServiceUnavailablePage.class, ViewerTime.class, ClockConfiguration.class })
public class SharedWebSlice {

	@Bean
	DatabaseAvailability databaseAvailability() {
		DatabaseAvailability database = mock(DatabaseAvailability.class);
		given(database.isAvailable()).willReturn(true);
		return database;
	}

}
