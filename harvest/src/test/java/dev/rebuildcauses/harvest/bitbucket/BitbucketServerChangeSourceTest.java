package dev.rebuildcauses.harvest.bitbucket;

import static dev.rebuildcauses.harvest.bitbucket.Fixtures.json;
import static dev.rebuildcauses.harvest.bitbucket.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BitbucketServerChangeSourceTest {
    private static final String TOKEN = "BBDC-NzY0ODk3MDQ2ODQ1OsecretToken";
    private static final String REPO = "https://bitbucket.example.com/scm/PRJ/my-repo.git";
    private static final String FROM = "4f4b0ef1714a5b6cafdaf2f53c7f5f5b38fb9348";
    private static final String TO = "131cb13f4aed12e725177bc4b7c28db67839bf9f";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final InMemoryCommitCache cache = new InMemoryCommitCache();
    private HttpSettings settings = HttpSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .withRetries(4, Duration.ofMillis(1), Duration.ofSeconds(10));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private BitbucketServerChangeSource source() {
        return source(Map.of());
    }

    private BitbucketServerChangeSource source(Map<String, RepositoryCoordinates> overrides) {
        RemoteHttp http = RemoteHttp.create("Bitbucket Server", settings, Credentials.bearer(TOKEN), time, time);
        return new BitbucketServerChangeSource(server.url("/").toString(), http, cache, overrides);
    }

    private static final List<FileChange> FIXTURE_FILES = List.of(
            FileChange.of(ChangeKind.DELETE, ".gitignore"),
            FileChange.of(ChangeKind.MODIFY, "COPYING"),
            new FileChange(ChangeKind.RENAME, "README.md", "README"),
            FileChange.of(ChangeKind.ADD, "main.go"));

    @Test
    void shouldResolveARangeFromTheRecordedPayloads() throws Exception {
        server.enqueue(json(read("server/commits.json")));
        server.enqueue(json(read("server/changes.json")));
        BitbucketServerChangeSource source = source();

        ChangeRange range = source.resolve(REPO, FROM, TO);

        assertThat(range.status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(range.fromRevision()).isEqualTo(FROM);
        assertThat(range.toRevision()).isEqualTo(TO);
        assertThat(range.files()).containsExactlyElementsOf(FIXTURE_FILES);
        // one commit right on top of the previous revision: the range diff is its own
        assertThat(range.commits())
                .containsExactly(new Commit(
                        TO,
                        List.of(FROM),
                        "jane@example.com",
                        Instant.ofEpochMilli(1530720102000L),
                        "update files",
                        4));
        RecordedRequest commits = server.takeRequest();
        RecordedRequest changes = server.takeRequest();
        assertThat(commits.getRequestUrl().encodedPath()).isEqualTo("/rest/api/1.0/projects/PRJ/repos/my-repo/commits");
        assertThat(commits.getRequestUrl().queryParameter("since")).isEqualTo(FROM);
        assertThat(commits.getRequestUrl().queryParameter("until")).isEqualTo(TO);
        assertThat(commits.getRequestUrl().queryParameter("limit")).isEqualTo("1000");
        assertThat(changes.getRequestUrl().encodedPath()).isEqualTo("/rest/api/1.0/projects/PRJ/repos/my-repo/changes");
        assertThat(changes.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(source.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldFollowNextPageStartWithTheLimitTheServerUsed() throws Exception {
        server.enqueue(json(commitsPage(List.of("c3", "c2", "c1"), FROM)));
        server.enqueue(json(changesPage(0, 2, false, "a.py", "b.py")));
        server.enqueue(json(changesPage(2, 2, false, "Dockerfile", "README.md")));
        server.enqueue(json(changesPage(4, 2, true, "requirements.txt")));

        ChangeRange range = source().resolve(REPO, FROM, "c3");

        assertThat(range.files())
                .extracting(FileChange::path)
                .containsExactly("a.py", "b.py", "Dockerfile", "README.md", "requirements.txt");
        // oldest first; no per-commit file count for several commits
        assertThat(range.commits()).extracting(Commit::id).containsExactly("c1", "c2", "c3");
        assertThat(range.commits()).extracting(Commit::filesChanged).containsOnly(-1);
        server.takeRequest();
        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        RecordedRequest third = server.takeRequest();
        assertThat(second.getRequestUrl().queryParameter("start")).isEqualTo("2");
        assertThat(second.getRequestUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(third.getRequestUrl().queryParameter("start")).isEqualTo("4");
    }

    @Test
    void shouldTellAnEmptyCommitFromNoCommit() throws Exception {
        server.enqueue(json(commitsPage(List.of(TO), FROM)));
        server.enqueue(json(changesPage(0, 1000, true)));
        server.enqueue(json(commitsPage(List.of(), FROM)));
        BitbucketServerChangeSource source = source();

        ChangeRange empty = source.resolve(REPO, FROM, TO);
        ChangeRange none = source.resolve(REPO, "9999999", "8888888");

        assertThat(empty.files()).isEmpty();
        assertThat(empty.commits()).hasSize(1);
        assertThat(empty.commits().get(0).isEmpty()).isTrue();
        assertThat(none.status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(none.commits()).isEmpty();
        // no commit, no change list to ask for
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void shouldMakeAForcePushedCommitAnUnknownRange() throws Exception {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"errors\":[{\"context\":null,\"message\":\"Commit '" + TO
                        + "' does not exist in repository 'my-repo'.\","
                        + "\"exceptionName\":\"com.atlassian.bitbucket.commit.NoSuchCommitException\"}]}"));

        ChangeRange range = source().resolve(REPO, FROM, TO);

        assertThat(range.status()).isEqualTo(RangeStatus.UNKNOWN);
        assertThat(range.problem()).isEqualTo("commit " + TO + " not found on PRJ/my-repo");
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldFailWhenTheRepositoryItselfIsMissing() {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setBody("{\"errors\":[{\"message\":\"Repository PRJ/my-repo does not exist.\","
                        + "\"exceptionName\":\"com.atlassian.bitbucket.repository.NoSuchRepositoryException\"}]}"));

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(failure.getMessage())
                .contains("/rest/api/1.0/projects/PRJ/repos/my-repo/commits")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldFailOnAnHtml404RatherThanCallEveryRangeUnknown() {
        server.enqueue(new MockResponse()
                .setResponseCode(404)
                .setHeader("Content-Type", "text/html")
                .setBody("<html><body>Not Found (is the context path missing?)</body></html>"));

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(failure.getMessage())
                .startsWith("404 ")
                .contains(server.url("/rest/api/1.0/").toString());
    }

    @Test
    void shouldNeverFetchARangeTwice() throws Exception {
        server.enqueue(json(read("server/commits.json")));
        server.enqueue(json(read("server/changes.json")));
        BitbucketServerChangeSource source = source();

        ChangeRange first = source.resolve(REPO, FROM, TO);
        ChangeRange again = source.resolve("ssh://git@bitbucket.example.com:7999/prj/my-repo.git", FROM, TO);
        ChangeRange unmoved = source.resolve(REPO, TO, TO);

        assertThat(again).isEqualTo(first);
        assertThat(unmoved.status()).isEqualTo(RangeStatus.NO_NEW_COMMIT);
        assertThat(source.requestCount()).isEqualTo(2);
    }

    @Test
    void shouldUseTheConfiguredCoordinatesForAnUnreadableUrl() throws Exception {
        server.enqueue(json(commitsPage(List.of(), FROM)));
        BitbucketServerChangeSource source =
                source(Map.of("file:///srv/mirrors/images.git", new RepositoryCoordinates("IMG", "images")));

        source.resolve("file:///srv/mirrors/images.git", FROM, TO);

        assertThat(server.takeRequest().getRequestUrl().encodedPath())
                .isEqualTo("/rest/api/1.0/projects/IMG/repos/images/commits");
    }

    @Test
    void shouldRefuseAnUnmappedUrlItCannotRead() {
        HarvestException failure = catchThrowableOfType(
                HarvestException.class, () -> source().resolve("file:///srv/mirrors/images.git", FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .contains("file:///srv/mirrors/images.git")
                .contains("changes.repositories");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void shouldRetry429WithAndWithoutRetryAfterThenSucceed() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
        server.enqueue(json(read("server/commits.json")));
        server.enqueue(new MockResponse().setResponseCode(429).setBody("Too many requests"));
        server.enqueue(json(read("server/changes.json")));

        ChangeRange range = source().resolve(REPO, FROM, TO);

        assertThat(range.files()).containsExactlyElementsOf(FIXTURE_FILES);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps().get(1)).isLessThanOrEqualTo(Duration.ofMillis(1));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void shouldRetryServerErrorsSlowAndTruncatedBodies() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(json(read("server/commits.json")).throttleBody(16, 1, TimeUnit.SECONDS));
        server.enqueue(json(read("server/commits.json")));
        server.enqueue(json(read("server/changes.json")).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(json(read("server/changes.json")));

        ChangeRange range = source().resolve(REPO, FROM, TO);

        assertThat(range.files()).containsExactlyElementsOf(FIXTURE_FILES);
        assertThat(range.commits()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void shouldFailWithServerErrorWhenRetriesAreExhausted() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("503").contains("4 attempts").doesNotContain(TOKEN);
    }

    @Test
    void shouldReportABodyTruncatedMidJson() {
        String commits = read("server/commits.json");
        server.enqueue(json(commits.substring(0, commits.length() / 2)));

        HarvestException failure = catchThrowableOfType(HarvestException.class, () -> source().resolve(REPO, FROM, TO));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .contains("/rest/api/1.0/projects/PRJ/repos/my-repo/commits")
                .doesNotContain(TOKEN);
    }

    /** A commits page (newest first) of a linear history on top of {@code base}. */
    @Test
    void shouldListAChainsCommitsOnceAndSplitThemPerRange() throws Exception {
        // given builds at FROM, c1 and c3; c2 is an empty commit between them
        server.enqueue(json(commitsPage(List.of("c3", "c2", "c1"), FROM)));
        server.enqueue(json(changesPage(0, 1000, true, "Dockerfile")));
        server.enqueue(json(changesPage(0, 1000, true, "a.py")));
        BitbucketServerChangeSource source = source();

        // when
        source.expectChain(REPO, List.of(FROM, "c1", "c3"));
        ChangeRange first = source.resolve(REPO, FROM, "c1");
        ChangeRange second = source.resolve(REPO, "c1", "c3");

        // then one listing and one changes request per range
        assertThat(source.requestCount()).isEqualTo(3);
        RecordedRequest listing = server.takeRequest();
        assertThat(listing.getRequestUrl().encodedPath()).endsWith("/commits");
        assertThat(listing.getRequestUrl().queryParameter("since")).isEqualTo(FROM);
        assertThat(listing.getRequestUrl().queryParameter("until")).isEqualTo("c3");
        assertThat(server.takeRequest().getRequestUrl().encodedPath()).endsWith("/changes");
        assertThat(server.takeRequest().getRequestUrl().encodedPath()).endsWith("/changes");
        assertThat(first.commits()).extracting(Commit::id).containsExactly("c1");
        assertThat(first.commits().get(0).filesChanged()).isEqualTo(1);
        assertThat(first.files()).extracting(FileChange::path).containsExactly("Dockerfile");
        assertThat(second.commits()).extracting(Commit::id).containsExactly("c2", "c3");
        assertThat(second.commits()).extracting(Commit::author).containsOnly("dev@example.com");
        assertThat(second.files()).extracting(FileChange::path).containsExactly("a.py");
    }

    @Test
    void shouldAskPerRangeWhenTheChainCannotBeSplit() throws Exception {
        // given a listing that does not hold the middle build's revision c1 (force-pushed away)
        server.enqueue(json(commitsPage(List.of("z2", "z1"), FROM)));
        server.enqueue(json(commitsPage(List.of("c1"), FROM)));
        server.enqueue(json(changesPage(0, 1000, true, "Dockerfile")));
        server.enqueue(json(commitsPage(List.of(), "c1")));
        BitbucketServerChangeSource source = source();

        // when
        source.expectChain(REPO, List.of(FROM, "c1", "z2"));
        ChangeRange first = source.resolve(REPO, FROM, "c1");
        ChangeRange second = source.resolve(REPO, "c1", "z2");

        // then the listing, then each range's own commits request (and changes where it has commits)
        assertThat(source.requestCount()).isEqualTo(4);
        server.takeRequest();
        RecordedRequest own = server.takeRequest();
        assertThat(own.getRequestUrl().encodedPath()).endsWith("/commits");
        assertThat(own.getRequestUrl().queryParameter("until")).isEqualTo("c1");
        assertThat(first.commits()).extracting(Commit::id).containsExactly("c1");
        assertThat(second.commits()).isEmpty();
        assertThat(second.files()).isEmpty();
    }

    @Test
    void shouldNotListAChainWhoseRangesAreCachedOrTooShort() throws Exception {
        // given
        BitbucketServerChangeSource source = source();

        // when a chain of one range is announced
        source.expectChain(REPO, List.of(FROM, TO));

        // then nothing is asked
        assertThat(source.requestCount()).isZero();
    }

    static String commitsPage(List<String> newestFirst, String base) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < newestFirst.size(); i++) {
            String parent = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : base;
            values.append(i > 0 ? "," : "")
                    .append("{\"id\":\"")
                    .append(newestFirst.get(i))
                    .append("\",\"author\":{\"name\":\"dev\",\"emailAddress\":\"dev@example.com\"},")
                    .append("\"authorTimestamp\":1700000000000,\"message\":\"m\",\"parents\":[{\"id\":\"")
                    .append(parent)
                    .append("\"}]}");
        }
        return "{\"size\":" + newestFirst.size() + ",\"limit\":1000,\"isLastPage\":true,\"start\":0,\"values\":["
                + values + "]}";
    }

    static String changesPage(int start, int limit, boolean last, String... paths) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < paths.length; i++) {
            values.append(i > 0 ? "," : "")
                    .append("{\"path\":{\"toString\":\"")
                    .append(paths[i])
                    .append("\"},\"type\":\"MODIFY\",\"nodeType\":\"FILE\"}");
        }
        return "{\"size\":" + paths.length + ",\"limit\":" + limit + ",\"isLastPage\":" + last + ",\"start\":" + start
                + (last ? "" : ",\"nextPageStart\":" + (start + paths.length)) + ",\"values\":[" + values + "]}";
    }
}
