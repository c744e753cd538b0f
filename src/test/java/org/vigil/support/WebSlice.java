package org.vigil.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.vigil.shared.SharedWebSlice;
import org.vigil.users.UsersWebSlice;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A controller slice: only the named controllers, with the application's real security
 * rules (login, roles, CSRF), its servlet filters, the layout's model advice, Thymeleaf
 * with the real templates and message bundles, and the reader's locale resolver; no
 * database and no other feature. The test class mocks the controllers' own collaborators
 * with {@code @MockitoBean}. Slices of the same controllers with the same mocks share one
 * cached context.
 *
 * <p>
 * What the web layer needs beyond the controllers is declared by the feature that owns it
 * ({@link SharedWebSlice}, {@link UsersWebSlice}), since most of it is package-private
 * there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ SharedWebSlice.class, UsersWebSlice.class })
public @interface WebSlice {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
