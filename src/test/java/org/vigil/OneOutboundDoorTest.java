package org.vigil;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every outbound HTTP request goes through {@code org.vigil.ingest.OutboundHttp}, the one
 * guarded door (with its checked connections and its response): no other class opens
 * sockets or uses an HTTP client, Apache HttpClient included, so no new fetch path can
 * skip the URL parser, the address check, the deadline or the size cap. Mail (digest's
 * socket factory for SMTP) is the one other way out, to the configured server.
 */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class OneOutboundDoorTest {

	@ArchTest
	static final ArchRule onlyTheDoorOpensConnections = noClasses().that()
		.haveNameNotMatching(
				"org\\.vigil\\.(ingest\\.(OutboundHttp|OutboundResponse|GuardedConnections)|digest\\.NoDelaySocketFactory)(\\$.*)?")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.Socket")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("javax.net.ssl.SSLSocketFactory")
		.orShould()
		.dependOnClassesThat()
		.resideInAPackage("java.net.http..")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.URLConnection")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.HttpURLConnection")
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.hc.client5..", "org.apache.hc.core5..", "org.springframework.web.client..",
				"org.springframework.http.client..")
		.orShould()
		.callMethod(java.net.URL.class, "openStream")
		.orShould()
		.callMethod(java.net.URL.class, "openConnection")
		.orShould()
		.callMethod(org.jsoup.Jsoup.class, "connect", String.class)
		.because("every outbound request must go through OutboundHttp, which checks each URL and address");

}
