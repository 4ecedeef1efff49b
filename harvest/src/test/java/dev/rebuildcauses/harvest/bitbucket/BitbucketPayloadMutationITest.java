package dev.rebuildcauses.harvest.bitbucket;

import static dev.rebuildcauses.harvest.bitbucket.Fixtures.json;
import static dev.rebuildcauses.harvest.bitbucket.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.FakeTime;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.mutation.JsonMutator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bitbucket Server and Cloud clients fed thousands of mutated recorded payloads over HTTP: every
 * range ends in a result or a {@link HarvestException} naming the request, never another exception.
 * (About 70 ms a payload, mostly loopback round trips of MockWebServer: an integration test.)
 */
class BitbucketPayloadMutationITest {
    private static final long SEED = 1204L;
    private static final int PER_PAYLOAD = Integer.getInteger("mutation.rounds", 400);
    private static final String SERVER_REPO = "https://bitbucket.example.com/scm/PRJ/my-repo.git";
    private static final String CLOUD_REPO = "git@bitbucket.org:atlassian/stash-example-plugin.git";
    private static final String FROM = "5be6855032e171280a1acb860d7265c29f40487c";
    private static final String TO = "a6e5e7d797edf751cbd839d6bd4aef86c941eec9";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    /** Path fragment → body currently served for it. */
    private final AtomicReference<Map<String, String>> bodies = new AtomicReference<>(Map.of());
    /** The path fragment whose body is the mutant, and how often a mutant was served. */
    private volatile String mutatedPath = "";

    private final java.util.concurrent.atomic.AtomicInteger mutantsServed =
            new java.util.concurrent.atomic.AtomicInteger();
    private RemoteHttp serverHttp;
    private RemoteHttp cloudHttp;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                for (Map.Entry<String, String> body : bodies.get().entrySet()) {
                    if (path.contains(body.getKey())) {
                        if (body.getKey().equals(mutatedPath)) {
                            mutantsServed.incrementAndGet();
                        }
                        return json(body.getValue());
                    }
                }
                return new MockResponse().setResponseCode(404).setBody("{\"errors\":[]}");
            }
        });
        server.start();
        serverHttp = http(HttpSettings.defaults());
        cloudHttp = http(HttpSettings.bitbucketCloudDefaults());
    }

    private RemoteHttp http(HttpSettings defaults) {
        HttpSettings settings = defaults.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        return RemoteHttp.create("Bitbucket", settings, Credentials.bearer("token"), time, time);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void shouldEndEveryMutatedPayloadInARangeOrANamedFailure() throws Exception {
        // Given the recorded payloads of both APIs
        String serverCommits = read("server/commits.json");
        String serverChanges = read("server/changes.json");
        String cloudCommits = withoutNext(read("cloud/commits.json"));
        String cloudDiffstat = read("cloud/diffstat.json");
        JsonMutator mutator = new JsonMutator(SEED);
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int resolved = 0;

        // When each is mutated many times and served to its client, the other payload left intact
        for (int i = 0; i < PER_PAYLOAD; i++) {
            List<Case> cases = List.of(
                    new Case("server commits", serverCommits, "/commits", serverChanges, "/changes", true),
                    new Case("server changes", serverChanges, "/changes", serverCommits, "/commits", true),
                    new Case("cloud commits", cloudCommits, "/commits/", cloudDiffstat, "/diffstat/", false),
                    new Case("cloud diffstat", cloudDiffstat, "/diffstat/", cloudCommits, "/commits/", false));
            for (Case c : cases) {
                JsonMutator.Mutant mutant = mutator.mutate(c.mutated());
                mutatedPath = c.mutatedPath();
                // the more specific fragment first: /commits/x/changes must not be served as /commits
                bodies.set(
                        c.mutatedPath().equals("/changes") || c.mutatedPath().equals("/diffstat/")
                                ? linked(c.mutatedPath(), mutant.json(), c.intactPath(), c.intact())
                                : linked(c.intactPath(), c.intact(), c.mutatedPath(), mutant.json()));
                tried++;
                try {
                    source(c.server()).resolve(c.server() ? SERVER_REPO : CLOUD_REPO, FROM, TO);
                    resolved++;
                } catch (HarvestException e) {
                    if (e.getMessage() == null || !e.getMessage().contains(server.getHostName())) {
                        failures.add(c.name() + " " + mutant.mutation() + ": failure without the request: " + e);
                    }
                } catch (RuntimeException e) {
                    failures.add(c.name() + " " + mutant.mutation() + " (seed " + SEED + "): " + e);
                }
            }
        }

        // Then none escaped as an unexpected exception; the figures are printed for the record
        System.out.printf(
                "bitbucket payload mutation test: %d mutated payloads tried (%d served), %d resolved, %d clean failures, "
                        + "%d bad%n",
                tried, mutantsServed.get(), resolved, tried - resolved - failures.size(), failures.size());
        assertThat(failures).isEmpty();
        assertThat(tried).isEqualTo(4 * PER_PAYLOAD);
        assertThat(mutantsServed.get()).as("mutants actually served").isGreaterThanOrEqualTo(tried * 3 / 4);
    }

    /** A fresh source (nothing cached) on one shared client per API. */
    private ChangeSource source(boolean bitbucketServer) {
        return bitbucketServer
                ? new BitbucketServerChangeSource(
                        server.url("/").toString(), serverHttp, new InMemoryCommitCache(), Map.of())
                : new BitbucketCloudChangeSource(
                        server.url("/").toString(), cloudHttp, new InMemoryCommitCache(), Map.of());
    }

    private static Map<String, String> linked(String firstPath, String first, String secondPath, String second) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put(firstPath, first);
        map.put(secondPath, second);
        return map;
    }

    private static String withoutNext(String page) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = (ObjectNode) mapper.readTree(page);
        node.remove("next");
        return mapper.writeValueAsString(node);
    }

    private record Case(
            String name, String mutated, String mutatedPath, String intact, String intactPath, boolean server) {}
}
