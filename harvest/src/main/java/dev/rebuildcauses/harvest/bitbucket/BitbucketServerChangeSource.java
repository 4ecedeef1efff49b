package dev.rebuildcauses.harvest.bitbucket;

import static dev.rebuildcauses.harvest.http.JsonFields.array;
import static dev.rebuildcauses.harvest.http.JsonFields.number;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Change ranges from Bitbucket Server / Data Center (REST 1.0): per range one paged
 * {@code changes?since=&until=} for the files and one paged {@code commits?since=&until=} for the
 * commits, so an empty commit is told from no commit. When told of a chain of ranges
 * ({@link #expectChain}) it lists the whole chain's commits with one paged request and splits them
 * per range, leaving one request per range (the files).
 */
public final class BitbucketServerChangeSource implements ChangeSource {
    static final int LIMIT = 1000;

    private final HttpUrl baseUrl;
    private final RemoteHttp http;
    private final CommitCache cache;
    private final RepositoryResolver repositories;
    private final Map<ListedRange, List<Commit>> listed = new ConcurrentHashMap<>();

    /**
     * @param baseUrl the server's URL, e.g. {@code https://bitbucket.example.com} (with any context path)
     * @param http the server's shared client (Bearer token, or Basic user and token)
     * @param cache resolved ranges, shared with the store
     * @param overrides repository URL → coordinates, for URLs whose form does not tell them
     */
    public BitbucketServerChangeSource(
            String baseUrl, RemoteHttp http, CommitCache cache, Map<String, RepositoryCoordinates> overrides) {
        this.baseUrl = parseBase(baseUrl);
        this.http = Objects.requireNonNull(http, "http");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.repositories = new RepositoryResolver(overrides);
    }

    /** A source with its own client (default settings), an in-memory cache and no overrides. */
    public static BitbucketServerChangeSource connect(String baseUrl, Credentials credentials) {
        return new BitbucketServerChangeSource(
                baseUrl,
                RemoteHttp.create("Bitbucket Server", HttpSettings.defaults(), credentials),
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
        HttpUrl repo = repoUrl(coordinates);
        List<Commit> commits = listed.remove(new ListedRange(key, fromRevision, toRevision));
        if (commits == null) {
            Page commitsPage = values(repo, "commits", fromRevision, toRevision, coordinates);
            if (commitsPage.missing() != null) {
                return ChangeRange.unknown(fromRevision, toRevision, commitsPage.missing());
            }
            commits = new ArrayList<>();
            for (JsonNode commit : commitsPage.values()) {
                commits.add(commit(commit));
            }
        } else {
            commits = new ArrayList<>(commits);
        }
        List<FileChange> files = new ArrayList<>();
        if (!commits.isEmpty()) { // no commit, no change: spare the request
            Page changes = values(repo, "changes", fromRevision, toRevision, coordinates);
            if (changes.missing() != null) {
                return ChangeRange.unknown(fromRevision, toRevision, changes.missing());
            }
            changes.values().forEach(change -> files.add(fileChange(change)));
        }
        Collections.reverse(commits); // the server lists newest first
        ChangeRange range = ChangeRange.resolved(
                fromRevision, toRevision, SingleCommitRanges.withFileCount(commits, fromRevision, files), files);
        cache.put(key, range);
        return range;
    }

    /**
     * Lists the commits of the whole chain ({@code commits?since=first&until=last}, paged) and keeps
     * each range's share for {@link #resolve}; ranges the split cannot tell, or a listing that names
     * a missing revision, are left to one request each.
     */
    @Override
    public void expectChain(String repository, List<String> revisions) throws HarvestException {
        if (revisions.size() < 3) {
            return; // one range: the listing would cost what the range's own request costs
        }
        String key = RepositoryUrls.normalize(repository);
        boolean allCached = true;
        for (int i = 1; i < revisions.size() && allCached; i++) {
            allCached = revisions.get(i - 1).equals(revisions.get(i))
                    || cache.find(key, revisions.get(i - 1), revisions.get(i)).isPresent();
        }
        if (allCached) {
            return;
        }
        RepositoryCoordinates coordinates = repositories.coordinates(repository);
        Page page = values(
                repoUrl(coordinates), "commits", revisions.get(0), revisions.get(revisions.size() - 1), coordinates);
        if (page.missing() != null) {
            return;
        }
        List<Commit> listing = new ArrayList<>(page.values().size());
        page.values().forEach(commit -> listing.add(commit(commit)));
        ChainSplitter.split(revisions, listing)
                .forEach((i, commits) ->
                        listed.put(new ListedRange(key, revisions.get(i - 1), revisions.get(i)), commits));
    }

    private HttpUrl repoUrl(RepositoryCoordinates coordinates) {
        return baseUrl.newBuilder()
                .addPathSegments("rest/api/1.0/projects")
                .addPathSegment(coordinates.owner())
                .addPathSegment("repos")
                .addPathSegment(coordinates.slug())
                .build();
    }

    /** All values of a paged resource, following {@code nextPageStart} and reading back the {@code limit} used. */
    private Page values(HttpUrl repo, String resource, String since, String until, RepositoryCoordinates coordinates)
            throws HarvestException {
        List<JsonNode> values = new ArrayList<>();
        long start = 0;
        long limit = LIMIT;
        while (true) {
            String url = repo.newBuilder()
                    .addPathSegment(resource)
                    .addQueryParameter("since", since)
                    .addQueryParameter("until", until)
                    .addQueryParameter("start", Long.toString(start))
                    .addQueryParameter("limit", Long.toString(limit))
                    .build()
                    .toString();
            HttpAnswer answer = http.get(url);
            if (MissingRevision.isMissingCommit(answer)) {
                return new Page(List.of(), MissingRevision.problem(answer, since, until, coordinates));
            }
            JsonNode page = http.json(answer);
            array(page, "values").forEach(values::add);
            long next = number(page, "nextPageStart", -1);
            if (page.path("isLastPage").asBoolean(true) || next < 0) {
                return new Page(values, null);
            }
            if (next <= start) {
                throw new HarvestException(
                        FailureKind.BAD_RESPONSE,
                        answer.url() + ": nextPageStart " + next + " does not move past start " + start);
            }
            start = next;
            limit = number(page, "limit", limit);
        }
    }

    static FileChange fileChange(JsonNode change) {
        String path = path(change.get("path"));
        String type = text(change, "type");
        return switch (type) {
            case "ADD" -> FileChange.of(ChangeKind.ADD, path);
            case "DELETE" -> FileChange.of(ChangeKind.DELETE, path);
            case "MOVE" -> new FileChange(ChangeKind.RENAME, path, path(change.get("srcPath")));
            case "COPY" -> new FileChange(ChangeKind.COPY, path, path(change.get("srcPath")));
            default -> FileChange.of(ChangeKind.MODIFY, path); // MODIFY, and UNKNOWN
        };
    }

    private static String path(JsonNode path) {
        if (path == null || path.isNull()) {
            return "";
        }
        String text = text(path, "toString");
        if (!text.isEmpty()) {
            return text;
        }
        List<String> components = new ArrayList<>();
        array(path, "components").forEach(component -> components.add(component.asText()));
        return String.join("/", components);
    }

    static Commit commit(JsonNode commit) {
        List<String> parents = new ArrayList<>();
        array(commit, "parents").forEach(parent -> parents.add(text(parent, "id")));
        JsonNode author = commit.path("author");
        String who = text(author, "emailAddress");
        long time = number(commit, "authorTimestamp", Long.MIN_VALUE);
        return new Commit(
                text(commit, "id"),
                parents,
                who.isEmpty() ? text(author, "name") : who,
                time == Long.MIN_VALUE ? null : Instant.ofEpochMilli(time),
                text(commit, "message"),
                -1);
    }

    @Override
    public long requestCount() {
        return http.requestCount();
    }

    private static HttpUrl parseBase(String baseUrl) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return parsed;
    }

    /** A range whose commits a chain listing told, keyed by the normalized repository URL. */
    private record ListedRange(String repository, String from, String to) {}

    /** A paged resource's values, or why the range is unknown. */
    private record Page(List<JsonNode> values, String missing) {}
}
