package dev.rebuildcauses.simulator.server;

import com.sun.net.httpserver.HttpExchange;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.simulator.history.SimulatedCommit;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated Bitbucket Server / Data Center REST 1.0 over the repositories of a
 * {@link SimulatedHistory}: {@code commits/{id}}, {@code commits/{id}/changes},
 * {@code changes?since=&until=}, {@code commits?since=&until=} and {@code compare/changes},
 * paged with {@code start}/{@code limit} (capped), Bearer auth.
 */
public final class SimulatedBitbucketServer extends SimulatedServer {
    private static final Pattern REPO = Pattern.compile("/rest/api/1\\.0/projects/([^/]+)/repos/([^/]+)/(.+?)/?");
    private static final Pattern COMMIT = Pattern.compile("commits/([0-9a-fA-F]{4,40})");
    private static final Pattern COMMIT_CHANGES = Pattern.compile("commits/([0-9a-fA-F]{4,40})/changes");

    private final SimulatedHistory history;
    private final String token;
    private final int limitCap;

    /**
     * @param token the accepted Bearer token, {@code null} for no auth check
     * @param limitCap the largest page the server hands out, whatever {@code limit} asks
     */
    public SimulatedBitbucketServer(SimulatedHistory history, FaultPlan plan, String token, int limitCap) {
        super(plan);
        this.history = history;
        this.token = token;
        this.limitCap = limitCap;
    }

    /**
     * Serves the repositories written under {@code root} by {@link GitRepositories} over git's smart
     * HTTP protocol at their clone URLs, with the same token as the REST API; git's requests are
     * counted apart from REST requests.
     */
    public GitSmartHttpServer serveGit(java.nio.file.Path root) {
        GitSmartHttpServer git = new GitSmartHttpServer(root, token);
        mount("/scm/", git.handler());
        return git;
    }

    /** The HTTP clone URL of a repository key {@code PROJ/slug}, as Jenkins' BuildData exports it. */
    public String cloneUrl(String repositoryKey) {
        String[] parts = repositoryKey.split("/");
        return url() + "scm/" + parts[0].toLowerCase(java.util.Locale.ROOT) + "/" + parts[1] + ".git";
    }

    @Override
    protected boolean authorized(HttpExchange exchange) {
        return token == null
                || ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    @Override
    protected Answer unauthorized() {
        return error(
                401,
                "Authentication failed. Please check that the provided token is valid.",
                "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException");
    }

    @Override
    protected Answer answer(String rawPath, Map<String, String> query) {
        Matcher repoMatch = REPO.matcher(rawPath);
        if (!repoMatch.matches()) {
            return error(404, "No resource at " + rawPath, "com.atlassian.bitbucket.NoSuchEntityException");
        }
        Optional<SimulatedRepository> found = history.repository(repoMatch.group(1), repoMatch.group(2));
        if (found.isEmpty()) {
            return error(
                    404,
                    "Repository " + repoMatch.group(1) + "/" + repoMatch.group(2) + " does not exist.",
                    "com.atlassian.bitbucket.repository.NoSuchRepositoryException");
        }
        SimulatedRepository repo = found.get();
        String rest = repoMatch.group(3);
        int start = intParam(query, "start", 0);
        int limit = Math.max(1, Math.min(limitCap, intParam(query, "limit", 25)));
        Matcher commit = COMMIT.matcher(rest);
        Matcher commitChanges = COMMIT_CHANGES.matcher(rest);
        if (commit.matches()) {
            return lookup(repo, commit.group(1))
                    .map(c -> Answer.json(commitJson(c)))
                    .orElseGet(() -> noSuchCommit(repo, commit.group(1)));
        }
        if (commitChanges.matches()) {
            Optional<SimulatedCommit> until = lookup(repo, commitChanges.group(1));
            if (until.isEmpty()) {
                return noSuchCommit(repo, commitChanges.group(1));
            }
            String since = query.get("since");
            if (since != null && lookup(repo, since).isEmpty()) {
                return noSuchCommit(repo, since);
            }
            List<FileChange> changes = since == null
                    ? until.get().changes()
                    : repo.netChanges(since, until.get().id());
            return changesPage(repo, since, until.get().id(), changes, start, limit);
        }
        if (rest.equals("changes") || rest.equals("compare/changes")) {
            boolean compare = rest.equals("compare/changes");
            String since = compare ? query.get("to") : query.get("since");
            String until = compare ? query.get("from") : query.get("until");
            if (until == null) {
                return error(
                        400, "until is required", "com.atlassian.bitbucket.validation.ArgumentValidationException");
            }
            for (String id : new String[] {since, until}) {
                if (id != null && lookup(repo, id).isEmpty()) {
                    return noSuchCommit(repo, id);
                }
            }
            String untilId = lookup(repo, until).orElseThrow().id();
            String sinceId =
                    since == null ? null : lookup(repo, since).orElseThrow().id();
            List<FileChange> changes =
                    sinceId == null ? lookup(repo, untilId).orElseThrow().changes() : repo.netChanges(sinceId, untilId);
            return changesPage(repo, sinceId, untilId, changes, start, limit);
        }
        if (rest.equals("commits")) {
            String since = query.get("since");
            String until = query.getOrDefault("until", newest(repo));
            for (String id : new String[] {since, until}) {
                if (id != null && lookup(repo, id).isEmpty()) {
                    return noSuchCommit(repo, id);
                }
            }
            List<SimulatedCommit> commits = repo.rangeCommits(
                    since == null ? null : lookup(repo, since).orElseThrow().id(),
                    lookup(repo, until).orElseThrow().id());
            String merges = query.getOrDefault("merges", "include");
            if (merges.equals("exclude")) {
                commits = commits.stream().filter(c -> c.parents().size() < 2).toList();
            } else if (merges.equals("only")) {
                commits = commits.stream().filter(c -> c.parents().size() > 1).toList();
            }
            List<Object> values = new ArrayList<>();
            for (SimulatedCommit c : page(commits, start, limit)) {
                values.add(commitJson(c));
            }
            return Answer.json(paged(new LinkedHashMap<>(), values, start, limit, commits.size()));
        }
        return error(404, "No resource at " + rawPath, "com.atlassian.bitbucket.NoSuchEntityException");
    }

    private static String newest(SimulatedRepository repo) {
        List<SimulatedCommit> all = repo.commits();
        return all.get(all.size() - 1).id();
    }

    private Optional<SimulatedCommit> lookup(SimulatedRepository repo, String id) {
        if (plan().goneCommits().contains(id)) {
            return Optional.empty();
        }
        Optional<SimulatedCommit> exact = repo.commit(id);
        if (exact.isPresent() || id.length() == 40) {
            return exact;
        }
        return repo.commits().stream().filter(c -> c.id().startsWith(id)).findFirst();
    }

    private Answer changesPage(
            SimulatedRepository repo, String since, String until, List<FileChange> changes, int start, int limit) {
        List<Object> values = new ArrayList<>();
        for (FileChange change : page(changes, start, limit)) {
            values.add(changeJson(repo, until, change));
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("fromHash", since);
        head.put("toHash", until);
        head.put("properties", Map.of());
        return Answer.json(paged(head, values, start, limit, changes.size()));
    }

    private static <T> List<T> page(List<T> all, int start, int limit) {
        int from = Math.min(start, all.size());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    private static Map<String, Object> paged(
            Map<String, Object> head, List<Object> values, int start, int limit, int total) {
        boolean last = start + values.size() >= total;
        head.put("values", values);
        head.put("size", values.size());
        head.put("isLastPage", last);
        head.put("start", start);
        head.put("limit", limit);
        head.put("nextPageStart", last ? null : start + values.size());
        return head;
    }

    private Map<String, Object> commitJson(SimulatedCommit commit) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put(
                "name", commit.authorEmail().substring(0, commit.authorEmail().indexOf('@')));
        author.put("emailAddress", commit.authorEmail());
        author.put("displayName", commit.authorName());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", commit.id());
        out.put("displayId", commit.id().substring(0, 11));
        out.put("author", author);
        out.put("authorTimestamp", commit.time().toEpochMilli());
        out.put("committer", author);
        out.put("committerTimestamp", commit.time().toEpochMilli());
        out.put("message", commit.message());
        List<Object> parents = new ArrayList<>();
        for (String parent : commit.parents()) {
            parents.add(Map.of("id", parent, "displayId", parent.substring(0, 11)));
        }
        out.put("parents", parents);
        return out;
    }

    private Map<String, Object> changeJson(SimulatedRepository repo, String commitId, FileChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contentId", contentId(change.path() + commitId));
        out.put("fromContentId", change.kind() == ChangeKind.ADD ? "0".repeat(40) : contentId(change.path()));
        out.put("path", pathJson(change.path()));
        out.put("executable", false);
        out.put("percentUnchanged", change.kind() == ChangeKind.RENAME ? 100 : -1);
        String type =
                switch (change.kind()) {
                    case ADD -> "ADD";
                    case DELETE -> "DELETE";
                    case RENAME -> "MOVE";
                    case COPY -> "COPY";
                    default -> "MODIFY";
                };
        out.put("type", type);
        out.put("nodeType", "FILE");
        if (change.oldPath() != null) {
            out.put("srcPath", pathJson(change.oldPath()));
        }
        out.put("srcExecutable", false);
        out.put(
                "links",
                Map.of(
                        "self",
                        List.of(Map.of(
                                "href",
                                url() + "projects/" + repo.projectKey() + "/repos/" + repo.slug() + "/commits/"
                                        + commitId + "#" + change.path()))));
        out.put("properties", Map.of("gitChangeType", change.kind() == ChangeKind.RENAME ? "RENAME" : type));
        return out;
    }

    private static Map<String, Object> pathJson(String path) {
        List<String> components = List.of(path.split("/"));
        String name = components.get(components.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("components", components);
        out.put("parent", String.join("/", components.subList(0, components.size() - 1)));
        out.put("name", name);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            out.put("extension", name.substring(dot + 1));
        }
        out.put("toString", path);
        return out;
    }

    private static String contentId(String text) {
        return String.format("%040x", new java.math.BigInteger(1, text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 40);
    }

    private Answer noSuchCommit(SimulatedRepository repo, String id) {
        return error(
                404,
                "Commit '" + id + "' does not exist in repository '" + repo.slug() + "'.",
                "com.atlassian.bitbucket.commit.NoSuchCommitException");
    }

    private static Answer error(int status, String message, String exceptionName) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("context", null);
        error.put("message", message);
        error.put("exceptionName", exceptionName);
        return Answer.json(status, Map.of("errors", List.of(error)));
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
