package org.vigil.ingest;

/**
 * A fetched response.
 *
 * @param url the final URL after redirects
 * @param status HTTP status (304 when not modified)
 * @param contentType the Content-Type without parameters, lower case, or null
 * @param charset the charset parameter of the Content-Type, or null
 * @param body the decompressed bytes (empty when not modified)
 * @param etag the ETag, or null
 * @param lastModified the Last-Modified, or null
 */
record Fetched(String url, int status, String contentType, String charset, byte[] body, String etag,
		String lastModified) {

	boolean notModified() {
		return this.status == 304;
	}

}
