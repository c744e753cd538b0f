package org.vigil.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every Spring test context at a fresh database on the JVM's {@link TestPostgres},
 * so tests run against real PostgreSQL with no setup and no shared state between
 * contexts. Registered in {@code META-INF/spring.factories}; tests need no annotation of
 * their own. Controller slices ({@code @WebMvcTest}, see {@link WebSlice}) have no
 * database, so they get none and start no PostgreSQL.
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.hasAnnotation(testClass, WebMvcTest.class)) {
			return null;
		}
		return new FreshDatabase();
	}

	/**
	 * Equal to every other instance, so Spring's context cache still shares equal
	 * contexts.
	 */
	private static final class FreshDatabase implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			// Few idle connections per cached context: dozens of contexts share one
			// server.
			Map<String, Object> database = Map.of("spring.datasource.url", TestPostgres.newDatabase(),
					"spring.datasource.username", "postgres", "spring.datasource.password", "",
					"spring.datasource.hikari.minimum-idle", "1");
			var sources = context.getEnvironment().getPropertySources();
			sources.addFirst(new MapPropertySource("freshTestDatabase", database));
			// Scheduled jobs stay off unless a test turns them on; tests run jobs when
			// they mean to.
			sources.addLast(new MapPropertySource("testDefaults", Map.of("vigil.scheduling.enabled", "false")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FreshDatabase;
		}

		@Override
		public int hashCode() {
			return FreshDatabase.class.hashCode();
		}

	}

}
