package dev.rebuildcauses.harvest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteHttpTest {
    private static final String TOKEN = "s3cr3t-t0ken-value";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final HttpSettings fast = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
            .withRetries(5, Duration.ofMillis(1), Duration.ofSeconds(30));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private RemoteHttp remote(HttpSettings settings, Credentials credentials) {
        return RemoteHttp.create("Jenkins", settings, credentials, time, time);
    }

    private RemoteHttp remote() {
        return remote(fast, Credentials.basic("alice", TOKEN));
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private HarvestException failureOf(RemoteHttp remote, String url) {
        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> remote.getJson(url));
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).doesNotContain(TOKEN).doesNotContain("\n");
        assertThat(failure.getMessage())
                .doesNotContain(
                        Base64.getEncoder().encodeToString(("alice:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        return failure;
    }

    @Test
    void shouldSendBasicAuthOnTheFirstRequest() throws Exception {
        server.enqueue(json("{\"ok\":true}"));

        JsonNode answer = remote().getJson(url("/api/json"));

        assertThat(answer.get("ok").asBoolean()).isTrue();
        RecordedRequest first = server.takeRequest();
        assertThat(first.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString(("alice:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldSendBearerTokenAndNothingWhenAnonymous() throws Exception {
        server.enqueue(json("{}"));
        server.enqueue(json("{}"));

        remote(fast, Credentials.bearer(TOKEN)).getJson(url("/a"));
        remote(fast, Credentials.none()).getJson(url("/b"));

        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(server.takeRequest().getHeader("Authorization")).isNull();
    }

    @Test
    void shouldNeverPrintTheTokenInToString() {
        assertThat(Credentials.basic("alice", TOKEN).toString())
                .doesNotContain(TOKEN)
                .contains("alice");
        assertThat(Credentials.bearer(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(remote().toString()).doesNotContain(TOKEN);
    }

    @Test
    void shouldTolerateDuplicateKeysAndKeepTheLast() throws Exception {
        server.enqueue(json("{\"number\":3,\"building\":true,\"building\":false}"));

        JsonNode answer = remote().getJson(url("/job/x/3/api/json"));

        assertThat(answer.get("building").asBoolean()).isFalse();
        assertThat(answer.get("number").asInt()).isEqualTo(3);
    }

    @Test
    void shouldRetry429WithoutRetryAfterWithJitteredBackoffThenSucceed() throws Exception {
        server.enqueue(
                new MockResponse().setResponseCode(429).setBody("Rate limit for this resource has been exceeded"));
        server.enqueue(new MockResponse().setResponseCode(429));
        server.enqueue(json("{\"values\":[]}"));
        RemoteHttp remote = remote();

        JsonNode answer = remote.getJson(url("/2.0/repositories/ws/repo/diffstat/a..b"));

        assertThat(answer.has("values")).isTrue();
        assertThat(time.sleeps()).hasSize(2);
        // full jitter: at most base (1 ms) then at most 2 ms
        assertThat(time.sleeps().get(0)).isLessThanOrEqualTo(Duration.ofMillis(1));
        assertThat(time.sleeps().get(1)).isLessThanOrEqualTo(Duration.ofMillis(2));
        assertThat(remote.requestCount()).isEqualTo(3);
    }

    @Test
    void shouldHonourRetryAfterInSecondsAndAsHttpDate() throws Exception {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(time.instant().plusSeconds(90), time.getZone()));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", inNinetySeconds));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        server.enqueue(json("{}"));

        HttpSettings patient = fast.withRetries(5, Duration.ofMillis(1), Duration.ofMinutes(2));

        remote(patient, Credentials.none()).getJson(url("/rest/api/1.0/projects/P/repos/r/changes"));

        // the date is 90 s after the start, reached 7 s late; the hour asked for is capped at 2 minutes
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(83), Duration.ofMinutes(2));
    }

    @Test
    void shouldRetry500And555() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(555).setBody("diffstat took too long"));
        server.enqueue(json("{\"page\":1}"));

        JsonNode answer = remote().getJson(url("/x"));

        assertThat(answer.get("page").asInt()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void shouldFailWithServerErrorWhenRetriesAreExhausted() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }
        RemoteHttp remote = remote();

        HarvestException failure = failureOf(remote, url("/job/x/api/json"));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.getMessage())
                .contains("503")
                .contains(url("/job/x/api/json"))
                .contains("5 attempts");
        assertThat(remote.requestCount()).isEqualTo(5);
    }

    @Test
    void shouldRetryABodySlowerThanTheReadTimeout() throws Exception {
        server.enqueue(json("{\"slow\":true}").throttleBody(1, 1, TimeUnit.SECONDS));
        server.enqueue(json("{\"slow\":false}"));
        HttpSettings impatient = fast.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200));

        JsonNode answer = remote(impatient, Credentials.none()).getJson(url("/slow"));

        assertThat(answer.get("slow").asBoolean()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldFailUnreachableWhenEveryAttemptTimesOut() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json("{\"slow\":true}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        HttpSettings impatient = fast.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(100));
        RemoteHttp remote = remote(impatient, Credentials.basic("alice", TOKEN));

        HarvestException failure = failureOf(remote, url("/slow"));

        assertThat(failure.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(failure.getMessage()).contains(url("/slow")).contains("timed out after 5 attempts");
        assertThat(remote.requestCount()).isEqualTo(5);
    }

    @Test
    void shouldRetryABodyCutOffMidway() throws Exception {
        server.enqueue(
                json("{\"values\":[1,2,3,4,5,6,7,8,9]}").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(json("{\"values\":[1]}"));

        JsonNode answer = remote().getJson(url("/cut"));

        assertThat(answer.get("values")).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldNameTheUrlAndTheProblemForAuthFailures() {
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setResponseCode(403));
        RemoteHttp remote = remote();

        HarvestException unauthorized = failureOf(remote, url("/api/json"));
        HarvestException forbidden = failureOf(remote, url("/job/x/api/json"));

        assertThat(unauthorized.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(forbidden.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(forbidden.getMessage())
                .isEqualTo("403 Client Error from " + url("/job/x/api/json") + ": check the user and token");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldReportNotFound() {
        server.enqueue(new MockResponse().setResponseCode(404));

        HarvestException failure = failureOf(remote(), url("/job/missing/api/json"));

        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(failure.getMessage()).startsWith("404 ").contains(url("/job/missing/api/json"));
    }

    @Test
    void shouldRecogniseAnHtmlLoginPage() {
        server.enqueue(new MockResponse()
                .setHeader("Content-Type", "text/html;charset=utf-8")
                .setBody("<html>Sign in</html>"));
        server.enqueue(
                new MockResponse().setHeader("Content-Type", "application/json").setBody("\n <!DOCTYPE html><html>"));
        RemoteHttp remote = remote();

        HarvestException byType = failureOf(remote, url("/api/json"));
        HarvestException byBody = failureOf(remote, url("/api/json?tree=jobs"));

        assertThat(byType.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(byType.getMessage())
                .isEqualTo(url("/api/json") + ": got an HTML page (a login page?) where JSON was expected");
        assertThat(byBody.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
    }

    @Test
    void shouldReportMalformedAndTruncatedJsonWithTheLocation() {
        server.enqueue(json("{\"jobs\": [ {\"name\": \"a\" ,, } ] }"));
        server.enqueue(json("{\"jobs\": [ {\"name\": \"a\""));
        RemoteHttp remote = remote();

        HarvestException malformed = failureOf(remote, url("/api/json"));
        HarvestException truncated = failureOf(remote, url("/job/a/api/json"));

        assertThat(malformed.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(malformed.getMessage()).contains(url("/api/json")).contains("line 1, column");
        assertThat(truncated.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(truncated.getMessage()).contains(url("/job/a/api/json")).contains("end-of-input");
    }

    @Test
    void shouldFailUnreachableAtOnceWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RemoteHttp remote = remote();

        HarvestException failure = failureOf(remote, "http://127.0.0.1:" + port + "/api/json");

        assertThat(failure.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("http://127.0.0.1:" + port + "/api/json");
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void shouldRedactTokensInUrlsOfMessages() {
        server.enqueue(new MockResponse().setResponseCode(403));
        String withSecrets = server.url("/api/json")
                .newBuilder()
                .username("alice")
                .password(TOKEN)
                .addQueryParameter("token", TOKEN)
                .build()
                .toString();

        HarvestException failure = failureOf(remote(), withSecrets);

        assertThat(failure.getMessage()).contains("***@").contains("token=***");
    }

    @Test
    void shouldWaitForTheHourlyBudgetToFreeThenGoOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json("{}"));
        }
        RemoteHttp remote =
                remote(fast.withRequestsPerHour(2).withMaxBudgetWait(Duration.ofHours(1)), Credentials.none());

        remote.getJson(url("/1"));
        time.advance(Duration.ofMinutes(10));
        remote.getJson(url("/2"));
        remote.getJson(url("/3"));

        // the first slot frees one hour after the first request, 50 minutes after the second
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(50));
        assertThat(remote.requestCount()).isEqualTo(3);
    }

    @Test
    void shouldFailWithServerErrorWhenTheBudgetWaitWouldBeTooLong() throws Exception {
        server.enqueue(json("{}"));
        RemoteHttp remote =
                remote(fast.withRequestsPerHour(1).withMaxBudgetWait(Duration.ofMinutes(5)), Credentials.none());
        remote.getJson(url("/1"));

        HarvestException failure = failureOf(remote, url("/2"));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("budget of 1 per hour").contains(url("/2"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldKeepConcurrentRequestsWithinTheLimit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(30);
                inFlight.decrementAndGet();
                return json("{}");
            }
        });
        RemoteHttp remote = remote(fast.withMaxConcurrentRequests(2), Credentials.none());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<Future<JsonNode>>();
            for (int i = 0; i < 12; i++) {
                String path = "/job/" + i;
                calls.add(pool.submit(() -> remote.getJson(url(path))));
            }
            for (Future<JsonNode> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(most.get()).isEqualTo(2);
        assertThat(remote.requestCount()).isEqualTo(12);
    }

    @Test
    void shouldProbeOnceWithoutRetrying() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("Malformed tree expression"));

        HttpAnswer answer = remote().getOnce(url("/job/x/api/json"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("Malformed tree expression");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldUnzipGzipBodiesAndReadHudsonsPlainPagesLabelledGzip() throws Exception {
        okio.Buffer zipped = new okio.Buffer();
        try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(zipped))) {
            sink.writeUtf8("{\"zipped\":true}");
        }
        server.enqueue(json("").setBody(zipped).setHeader("Content-Encoding", "gzip"));
        server.enqueue(new MockResponse()
                .setResponseCode(500)
                .setHeader("Content-Encoding", "gzip")
                .setHeader("Content-Type", "text/html")
                .setBody("<html>javax.servlet.ServletException: Malformed tree expression</html>"));
        RemoteHttp remote = remote();

        JsonNode answer = remote.getJson(url("/a"));
        HttpAnswer probe = remote.getOnce(url("/b"));

        assertThat(answer.get("zipped").asBoolean()).isTrue();
        assertThat(server.takeRequest().getHeader("Accept-Encoding")).isEqualTo("gzip");
        assertThat(probe.status()).isEqualTo(500);
        assertThat(probe.body()).contains("Malformed tree expression");
    }
}
