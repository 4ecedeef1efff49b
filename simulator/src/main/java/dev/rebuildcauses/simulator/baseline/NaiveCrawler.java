package dev.rebuildcauses.simulator.baseline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crawler users write first, kept as the baseline of the benchmarks: it lists the jobs, then
 * asks for every build one request at a time ({@code /job/x/N/api/json}), then for every commit of
 * each build's changelog one request at a time ({@code commits/{id}/changes}). No paging of
 * builds, no ranges, no cache, no concurrency.
 */
public final class NaiveCrawler {
    private static final Pattern CLONE = Pattern.compile(".*/scm/([^/]+)/([^/]+?)(\\.git)?/?$");

    private final String jenkinsUrl;
    private final String jenkinsAuth;
    private final String bitbucketUrl;
    private final String bitbucketAuth;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private long requests;

    /** What the crawl collected and what it cost. */
    public record Result(
            int jobs, int builds, int commits, int files, long requests, Duration elapsed, boolean complete) {}

    /**
     * The requests a complete crawl of a history makes: one per container listing (the root
     * included), one per job, one per build and one per changelog commit.
     */
    public static long plannedRequests(dev.rebuildcauses.simulator.history.SimulatedHistory history) {
        long containers = 1 + countContainers(history.roots());
        long requests = containers;
        for (dev.rebuildcauses.simulator.history.SimulatedJob job : history.buildableJobs()) {
            requests += 1 + job.builds().size();
            requests +=
                    job.builds().stream().mapToLong(b -> b.changeLog().size()).sum();
        }
        return requests;
    }

    private static long countContainers(List<dev.rebuildcauses.simulator.history.SimulatedJob> items) {
        long count = 0;
        for (dev.rebuildcauses.simulator.history.SimulatedJob item : items) {
            if (item.kind().isContainer()) {
                count += 1 + countContainers(item.children());
            }
        }
        return count;
    }

    public NaiveCrawler(String jenkinsUrl, String user, String token, String bitbucketUrl, String bitbucketToken) {
        this.jenkinsUrl = jenkinsUrl.endsWith("/") ? jenkinsUrl : jenkinsUrl + "/";
        this.jenkinsAuth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.bitbucketUrl = bitbucketUrl.endsWith("/") ? bitbucketUrl : bitbucketUrl + "/";
        this.bitbucketAuth = "Bearer " + bitbucketToken;
    }

    /**
     * Crawls everything, or stops once {@code budget} has passed (then {@link Result#complete()} is false).
     *
     * @throws IOException on any failed request: the naive crawler does not retry
     */
    public Result crawl(Duration budget) throws IOException {
        Instant started = Instant.now();
        Instant deadline = started.plus(budget);
        List<String> jobUrls = new ArrayList<>();
        discover(jenkinsUrl, jobUrls);
        int builds = 0;
        int commits = 0;
        int files = 0;
        boolean complete = true;
        crawl:
        for (String jobUrl : jobUrls) {
            Map<String, Object> job = getJson(
                    jobUrl + "api/json?tree=" + URLEncoder.encode("allBuilds[number,url]", StandardCharsets.UTF_8),
                    jenkinsAuth);
            for (Object ref : list(job.get("allBuilds"))) {
                if (Instant.now().isAfter(deadline)) {
                    complete = false;
                    break crawl;
                }
                Map<String, Object> build = getJson(map(ref).get("url") + "api/json", jenkinsAuth);
                builds++;
                String repository = repositoryPath(build);
                for (String commitId : changeLogCommitIds(build)) {
                    if (repository == null) {
                        continue;
                    }
                    Map<String, Object> changes = getJson(
                            bitbucketUrl + "rest/api/1.0/" + repository + "/commits/" + commitId + "/changes",
                            bitbucketAuth);
                    commits++;
                    files += list(changes.get("values")).size();
                }
            }
        }
        return new Result(
                jobUrls.size(), builds, commits, files, requests, Duration.between(started, Instant.now()), complete);
    }

    private void discover(String containerUrl, List<String> into) throws IOException {
        Map<String, Object> container = getJson(
                containerUrl + "api/json?tree=" + URLEncoder.encode("jobs[name,url,_class]", StandardCharsets.UTF_8),
                jenkinsAuth);
        for (Object item : list(container.get("jobs"))) {
            Map<String, Object> job = map(item);
            String type = String.valueOf(job.get("_class"));
            if (type.endsWith("Folder") || type.endsWith("MultiBranchProject")) {
                discover((String) job.get("url"), into);
            } else {
                into.add((String) job.get("url"));
            }
        }
    }

    private static List<String> changeLogCommitIds(Map<String, Object> build) {
        List<Object> sets = new ArrayList<>();
        if (build.get("changeSet") != null) {
            sets.add(build.get("changeSet"));
        }
        sets.addAll(list(build.get("changeSets")));
        List<String> ids = new ArrayList<>();
        for (Object set : sets) {
            for (Object item : list(map(set).get("items"))) {
                ids.add((String) map(item).get("commitId"));
            }
        }
        return ids;
    }

    /** {@code projects/P/repos/r} of the last BuildData action, or {@code null}. */
    private static String repositoryPath(Map<String, Object> build) {
        String path = null;
        for (Object action : list(build.get("actions"))) {
            List<Object> urls = list(map(action).get("remoteUrls"));
            if (!urls.isEmpty()) {
                Matcher m = CLONE.matcher((String) urls.get(0));
                if (m.matches()) {
                    path = "projects/" + m.group(1) + "/repos/" + m.group(2);
                }
            }
        }
        return path;
    }

    private Map<String, Object> getJson(String url, String authorization) throws IOException {
        requests++;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            return map(JsonReader.parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IllegalArgumentException e) {
            throw new IOException(url + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }
}
