package org.vigil.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Static files and htmx from its webjar. With the webjars locator Boot's Thymeleaf
 * configuration registers a {@link ResourceUrlEncodingFilter}, which runs every link a
 * page builds through the resource resolvers — class-path lookups per link, half the CPU
 * of a timeline page under load (JFR). Vigil uses no versioned or fingerprinted resource
 * URLs, so links need no rewriting; the version-less webjar path is still resolved when
 * the file itself is requested. A registration of our own, disabled, makes Boot's back
 * off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
