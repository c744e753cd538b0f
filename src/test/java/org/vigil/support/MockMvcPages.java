package org.vigil.support;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What MockMvc tests read most: the body of a page that must answer 200. */
public final class MockMvcPages {

	private MockMvcPages() {
	}

	/**
	 * The body of {@code request}'s response, which must be 200 OK; usable inside a
	 * lambda (polling), as MockMvc's checked exceptions are rethrown unchecked.
	 */
	public static String ok(MockMvc mvc, RequestBuilder request) {
		try {
			return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
