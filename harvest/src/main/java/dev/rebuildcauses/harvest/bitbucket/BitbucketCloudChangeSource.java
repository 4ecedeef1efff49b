package dev.rebuildcauses.harvest.bitbucket;

import static dev.rebuildcauses.harvest.http.JsonFields.array;
import static dev.rebuildcauses.harvest.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.CommitCache;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpAnswer;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.http.UrlRedactor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Change ranges from Bitbucket Cloud (REST 2.0): per range one paged {@code diffstat/{to}..{from}}
 * for the files and one paged {@code commits/{to}?exclude={from}} for the commits. Build its
 * {@link RemoteHttp} with {@link HttpSettings#bitbucketCloudDefaults()} to stay within the hourly limit.
 */
public final class BitbucketCloudChangeSource implements ChangeSource {
    /** Where Bitbucket Cloud's API lives. */
    public static final String API_URL = "https://api.bitbucket.org";

    private static final Pattern EMAIL = Pattern.compile("<([^>]+)>");

    private final HttpUrl apiUrl;
    private final RemoteHttp http;
    private final CommitCache cache;
    private final RepositoryResolver repositories;

    /**
     * @param apiUrl {@link #API_URL}, or a test server's URL
     * @param http the shared client (Basic with the account e-mail and an API token, or Bearer)
     * @param cache resolved ranges, shared with the store
     * @param overrides repository URL → coordinates, for URLs whose form does not tell them
     */
    public BitbucketCloudChangeSource(
            String apiUrl, RemoteHttp http, CommitCache cache, Map<String, RepositoryCoordinates> overrides) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(apiUrl, "apiUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + apiUrl);
        }
        this.apiUrl = parsed;
        this.http = Objects.requireNonNull(http, "http");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.repositories = new RepositoryResolver(overrides);
    }

    /** A source on {@link #API_URL} with its own client (1,000 requests an hour), an in-memory cache, no overrides. */
    public static BitbucketCloudChangeSource connect(Credentials credentials) {
        return new BitbucketCloudChangeSource(
                API_URL,
                RemoteHttp.create("Bitbucket Cloud", HttpSettings.bitbucketCloudDefaults(), credentials),
                new InMemoryCommitCache(),
                Map.of());
    }

    @Override
    public ChangeRange resolve(String repository, String fromRevision, String toRevision) throws HarvestException {
        String key = RepositoryUrls.normalize(repository);
        Optional<ChangeRange> known = KnownRanges.lookup(cache, key, fromRevision, toRevision);
        if (known.isPresent()) {
            return known.get();
        }
        RepositoryCoordinates coordinates = repositories.coordinates(repository);
        HttpUrl repo = apiUrl.newBuilder()
                .addPathSegments("2.0/repositories")
                .addPathSegment(coordinates.owner())
                .addPathSegment(coordinates.slug())
                .build();
        String commitsUrl = repo.newBuilder()
                .addPathSegment("commits")
                .addPathSegment(toRevision)
                .addQueryParameter("exclude", fromRevision)
                .addQueryParameter("pagelen", "100")
                .build()
                .toString();
        Page commitsPage = values(commitsUrl, fromRevision, toRevision, coordinates);
        if (commitsPage.missing() != null) {
            return ChangeRange.unknown(fromRevision, toRevision, commitsPage.missing());
        }
        List<FileChange> files = new ArrayList<>();
        if (!commitsPage.values().isEmpty()) {
            // A..B lists what A holds against B: the reverse of git diff's order
            String diffstatUrl = repo.newBuilder()
                    .addPathSegment("diffstat")
                    .addPathSegment(toRevision + ".." + fromRevision)
                    .build()
                    .toString();
            Page diffstat = values(diffstatUrl, fromRevision, toRevision, coordinates);
            if (diffstat.missing() != null) {
                return ChangeRange.unknown(fromRevision, toRevision, diffstat.missing());
            }
            diffstat.values().forEach(entry -> files.add(fileChange(entry)));
        }
        List<Commit> commits = new ArrayList<>();
        commitsPage.values().forEach(commit -> commits.add(commit(commit)));
        Collections.reverse(commits); // the API lists newest first
        ChangeRange range = ChangeRange.resolved(
                fromRevision, toRevision, SingleCommitRanges.withFileCount(commits, fromRevision, files), files);
        cache.put(key, range);
        return range;
    }

    /** All values of a paged resource, following {@code next} as given (on the API's own host only). */
    private Page values(String firstUrl, String from, String to, RepositoryCoordinates coordinates)
            throws HarvestException {
        List<JsonNode> values = new ArrayList<>();
        String url = firstUrl;
        for (int pages = 0; ; pages++) {
            HttpAnswer answer = http.get(url);
            if (MissingRevision.isMissingCommit(answer)) {
                return new Page(List.of(), MissingRevision.problem(answer, from, to, coordinates));
            }
            JsonNode page = http.json(answer);
            array(page, "values").forEach(values::add);
            String next = text(page, "next");
            if (next.isEmpty()) {
                return new Page(values, null);
            }
            HttpUrl nextUrl = HttpUrl.parse(next);
            // the credentials go with every request: never to another host
            if (nextUrl == null || !nextUrl.host().equals(apiUrl.host()) || nextUrl.port() != apiUrl.port()) {
                throw new HarvestException(
                        FailureKind.BAD_RESPONSE,
                        answer.url() + ": the next page is on another host (" + UrlRedactor.redact(next) + ")");
            }
            if (next.equals(url) || pages > 100_000) {
                throw new HarvestException(FailureKind.BAD_RESPONSE, answer.url() + ": the next page is the same page");
            }
            url = next;
        }
    }

    static FileChange fileChange(JsonNode entry) {
        String oldPath = text(entry.path("old"), "path");
        String newPath = text(entry.path("new"), "path");
        return switch (text(entry, "status")) {
            case "added" -> FileChange.of(ChangeKind.ADD, newPath);
            case "removed" -> FileChange.of(ChangeKind.DELETE, oldPath);
            case "renamed" -> new FileChange(ChangeKind.RENAME, newPath, oldPath);
            default -> FileChange.of(ChangeKind.MODIFY, newPath.isEmpty() ? oldPath : newPath);
        };
    }

    static Commit commit(JsonNode commit) {
        List<String> parents = new ArrayList<>();
        array(commit, "parents").forEach(parent -> parents.add(text(parent, "hash")));
        String raw = text(commit.path("author"), "raw");
        Matcher email = EMAIL.matcher(raw);
        return new Commit(
                text(commit, "hash"),
                parents,
                email.find() ? email.group(1) : raw.trim(),
                time(text(commit, "date")),
                text(commit, "message"),
                -1);
    }

    private static Instant time(String date) {
        try {
            return date.isEmpty() ? null : OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException e) {
            return null; // a date we cannot read is an unknown time, not a failed harvest
        }
    }

    @Override
    public long requestCount() {
        return http.requestCount();
    }

    /** A paged resource's values, or why the range is unknown. */
    private record Page(List<JsonNode> values, String missing) {}
}
