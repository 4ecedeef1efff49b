package dev.rebuildcauses.harvest.bitbucket;

import static dev.rebuildcauses.harvest.bitbucket.Fixtures.json;
import static dev.rebuildcauses.harvest.bitbucket.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.FakeTime;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitbucketCloudChangeSourceTest {
    private static final String EMAIL = "dev@example.com";
    private static final String TOKEN = "ATATT3xFfGF0secretCloudToken";
    private static final String REPO = "git@bitbucket.org:atlassian/stash-example-plugin.git";
    private static final String FROM = "5be6855032e171280a1acb860d7265c29f40487c";
    private static final String TO = "a6e5e7d797edf751cbd839d6bd4aef86c941eec9";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final InMemoryCommitCache cache = new InMemoryCommitCache();
    private HttpSettings settings =
            HttpSettings.bitbucketCloudDefaults().withRetries(4, Duration.ofMillis(1), Duration.ofSeconds(10));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private BitbucketCloudChangeSource source() {
        RemoteHttp http = RemoteHttp.create("Bitbucket Cloud", settings, Credentials.basic(EMAIL, TOKEN), time, time);
        return new BitbucketCloudChangeSource(server.url("/").toString(), http, cache, Map.of());
    }

    /** The recorded page with its {@code next} pointing where the test wants, or removed. */
    private static String withNext(String fixture, String next) throws IOException {
        ObjectNode page = (ObjectNode) MAPPER.readTree(read(fixture));
        if (next == null) {
            page.remove("next");
        } else {
            page.put("next", next);
        }
        return MAPPER.writeValueAsString(page);
    }

    private static final List<FileChange> FIXTURE_FILES = List.of(
            FileChange.of(ChangeKind.MODIFY, "CONTRIBUTING.md"),
            new FileChange(ChangeKind.RENAME, "new-folder/CONTRIBUTING.md", "old-folder/CONTRIBUTING.md"),
            FileChange.of(ChangeKind.DELETE, "CONTRIBUTING.md"));

    @Test
    void shouldResolveARangeFromTheRecordedPayloads() throws Exception {
        server.enqueue(json(withNext("cloud/commits.json", null)));
        server.enqueue(json(read("cloud/diffstat.json")));
        BitbucketCloudChangeSource source = source();

        ChangeRange range = source.resolve(REPO, FROM, TO);

        assertThat(range.status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(range.files()).containsExactlyElementsOf(FIXTURE_FILES);
        assertThat(range.commits())
                .containsExactly(new Commit(
                        TO,
                        List.of(FROM),
                        "aahmed@atlassian.com",
                        Instant.parse("2015-08-27T03:25:04Z"),
                        "Add Apache 2.0 License\n",
                        3));
        RecordedRequest commits = server.takeRequest();
        RecordedRequest diffstat = server.takeRequest();
        assertThat(commits.getRequestUrl().encodedPath())
                .isEqualTo("/2.0/repositories/atlassian/stash-example-plugin/commits/" + TO);
        assertThat(commits.getRequestUrl().queryParameter("exclude")).isEqualTo(FROM);
        // diffstat A..B: A holds the changes, B is compared against
        assertThat(diffstat.getRequestUrl().encodedPath())
                .isEqualTo("/2.0/repositories/atlassian/stash-example-plugin/diffstat/" + TO + ".." + FROM);
        assertThat(diffstat.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(source.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldFollowNextUrlsAsGiven() throws Exception {
        String page2 = server.url("/2.0/repositories/atlassian/stash-example-plugin/commits/" + TO)
                .newBuilder()
                .addQueryParameter("exclude", FROM)
                .addQueryParameter("page", "2")
                .addQueryParameter("ctx", "opaque-cursor")
                .build()
                .toString();
        server.enqueue(json(withNext("cloud/commits.json", page2)));
        server.enqueue(json(olderCommitPage()));
        server.enqueue(json(withNext(
                "cloud/diffstat.json", server.url("/2.0/x/diffstat?page=2").toString())));
        server.enqueue(json(withNext(
                "cloud/diffstat.json", server.url("/2.0/x/diffstat?page=3").toString())));
        server.enqueue(json(read("cloud/diffstat.json")));

        ChangeRange range = source().resolve(REPO, "0000000000", TO);

        assertThat(range.commits()).extracting(Commit::id).containsExactly(FROM, TO);
        assertThat(range.files()).hasSize(9);
        server.takeRequest();
        assertThat(server.takeRequest().getRequestUrl().toString()).isEqualTo(page2);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    private static String olderCommitPage() {
        return "{\"pagelen\":30,\"page\":2,\"values\":[{\"hash\":\"" + FROM
                + "\",\"date\":\"2015-08-26T10:00:00+02:00\","
                + "\"author\":{\"raw\":\"Adam Ahmed <aahmed@atlassian.com>\"},\"message\":\"Initial\","
                + "\"parents\":[{\"hash\":\"0000000000\"}]}]}";
    }

    @Test
    void shouldNotSendTheTokenToAnotherHost() throws Exception {
        server.enqueue(json(withNext("cloud/commits.json", "https://evil.example.net/steal?page=2")));

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("another host").doesNotContain(TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryA555SlowDiffstatAnd429ThenSucceed() throws Exception {
        server.enqueue(
                new MockResponse().setResponseCode(429).setBody("Rate limit for this resource has been exceeded"));
        server.enqueue(json(withNext("cloud/commits.json", null)));
        server.enqueue(new MockResponse()
                .setResponseCode(555)
                .setBody("{\"type\":\"error\",\"error\":{\"message\":\"timeout\"}}"));
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(json(read("cloud/diffstat.json")));

        ChangeRange range = source().resolve(REPO, FROM, TO);

        assertThat(range.files()).containsExactlyElementsOf(FIXTURE_FILES);
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(time.sleeps()).hasSize(3);
    }

    @Test
    void shouldFailWithServerErrorWhenA555PersistsThroughEveryAttempt() throws Exception {
        server.enqueue(json(withNext("cloud/commits.json", null)));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(555));
        }

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("555").contains("/diffstat/").doesNotContain(TOKEN);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldMakeAMissingCommitAnUnknownRange() {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"type\":\"error\",\"error\":{\"message\":\"Commit not found\",\"data\":{\"shas\":[\"" + FROM
                        + "\"]}}}"));

        ChangeRange range = assertNoException(() -> source().resolve(REPO, FROM, TO));

        assertThat(range.status()).isEqualTo(RangeStatus.UNKNOWN);
        assertThat(range.problem()).isEqualTo("commit " + FROM + " not found on atlassian/stash-example-plugin");
    }

    @Test
    void shouldNeverFetchARangeTwice() throws Exception {
        server.enqueue(json(withNext("cloud/commits.json", null)));
        server.enqueue(json(read("cloud/diffstat.json")));
        BitbucketCloudChangeSource source = source();

        source.resolve(REPO, FROM, TO);
        ChangeRange again = source.resolve("https://someone@bitbucket.org/atlassian/stash-example-plugin", FROM, TO);

        assertThat(again.files()).containsExactlyElementsOf(FIXTURE_FILES);
        assertThat(source.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldStopWhenTheHourlyBudgetWouldMakeItWaitTooLong() throws Exception {
        settings = settings.withRequestsPerHour(3).withMaxBudgetWait(Duration.ofMinutes(10));
        server.enqueue(json(withNext("cloud/commits.json", null)));
        server.enqueue(json(read("cloud/diffstat.json")));
        server.enqueue(json(withNext("cloud/commits.json", null)));
        BitbucketCloudChangeSource source = source();
        source.resolve(REPO, FROM, TO);

        HarvestException failure =
                catchThrowableOfType(HarvestException.class, () -> source.resolve(REPO, "1111111", TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("budget of 3 per hour");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void shouldWaitForTheHourlyBudgetWhenAllowed() throws Exception {
        settings = settings.withRequestsPerHour(2).withMaxBudgetWait(Duration.ofHours(1));
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(withNext("cloud/commits.json", null)));
            server.enqueue(json(read("cloud/diffstat.json")));
        }
        BitbucketCloudChangeSource source = source();

        source.resolve(REPO, FROM, TO);
        source.resolve(REPO, "1111111", TO);

        assertThat(time.sleeps()).containsExactly(Duration.ofHours(1));
        assertThat(source.requestCount()).isEqualTo(4);
    }

    private interface Call {
        ChangeRange run() throws HarvestException;
    }

    private static ChangeRange assertNoException(Call call) {
        try {
            return call.run();
        } catch (HarvestException e) {
            throw new AssertionError("a missing commit must not fail the harvest: " + e.getMessage(), e);
        }
    }
}
