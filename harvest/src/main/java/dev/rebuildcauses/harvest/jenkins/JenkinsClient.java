package dev.rebuildcauses.harvest.jenkins;

import static dev.rebuildcauses.harvest.http.JsonFields.array;
import static dev.rebuildcauses.harvest.http.JsonFields.number;
import static dev.rebuildcauses.harvest.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.http.HttpAnswer;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.http.UrlRedactor;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.JobGlob;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * The remote API of one Jenkins (or Hudson) controller: finds jobs through folders, pages their
 * builds and reads job configurations, following the URLs the server gives.
 */
public final class JenkinsClient {
    static final int PAGE = 100;
    /** Folder levels asked for in one discovery request; deeper containers get their own request. */
    private static final int LEVELS = 3;

    private final String rootUrl;
    private final RemoteHttp http;
    /** Whether the server accepts {@code allBuilds{M,N}}: unknown until the first job is paged. */
    private volatile Boolean rangesSupported;

    /**
     * @param rootUrl the controller's URL, e.g. {@code http://127.0.0.1:8080/}
     * @param http the controller's shared client (Basic auth with user and API token)
     */
    public JenkinsClient(String rootUrl, RemoteHttp http) {
        this.rootUrl = withSlash(Objects.requireNonNull(rootUrl, "rootUrl"));
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Every buildable job (freestyle, pipeline, multibranch branch, Hudson job) under the root, walked
     * through folders, multibranch projects and organization folders, whose full name matches an
     * include glob (all when none) and no exclude glob. Full names are joined with {@code /} and
     * decoded ({@code feature%2Fx} becomes {@code feature/x}).
     */
    public List<BuildJob> discoverJobs(List<String> include, List<String> exclude) throws HarvestException {
        List<JobGlob> includes = include.stream().map(JobGlob::of).toList();
        List<JobGlob> excludes = exclude.stream().map(JobGlob::of).toList();
        List<BuildJob> jobs = new ArrayList<>();
        Deque<Container> containers = new ArrayDeque<>();
        containers.add(new Container(rootUrl, ""));
        while (!containers.isEmpty()) {
            Container container = containers.removeFirst();
            String listing = api(container.url(), "jobs" + jobTree(LEVELS));
            JsonNode node = http.getJson(listing);
            walk(node, container.fullName(), 1, jobs, containers, listing);
        }
        return jobs.stream()
                .filter(job -> JobGlob.selects(includes, excludes, job.fullName()))
                .toList();
    }

    private static void walk(
            JsonNode container,
            String prefix,
            int level,
            List<BuildJob> jobs,
            Deque<Container> containers,
            String listing)
            throws HarvestException {
        for (JsonNode job : array(container, "jobs")) {
            String name = decode(text(job, "name"));
            String fullName = prefix.isEmpty() ? name : prefix + "/" + name;
            String url = text(job, "url");
            if (job.has("jobs")) {
                if (level < LEVELS) {
                    walk(job, fullName, level + 1, jobs, containers, listing);
                } else if (HttpUrl.parse(withSlash(url)) == null) {
                    // a folder to list next: named with the answer it came from, not as a bare URL later
                    throw new HarvestException(
                            FailureKind.BAD_RESPONSE,
                            UrlRedactor.redact(listing) + " gives folder '" + fullName
                                    + "' a URL that is not http(s): '" + UrlRedactor.redact(url) + "'");
                } else {
                    containers.add(new Container(url, fullName));
                }
            } else {
                jobs.add(new BuildJob(fullName, url, text(job, "_class")));
            }
        }
    }

    /** {@code [name,url,_class,jobs[name,url,_class,jobs[...]]]}, the deepest level only {@code jobs[name]}. */
    private static String jobTree(int levels) {
        return "[name,url,_class,jobs" + (levels > 1 ? jobTree(levels - 1) : "[name]") + "]";
    }

    /**
     * The builds of a job numbered above {@code sinceNumberExclusive}, oldest first, running ones
     * included ({@code building}, no duration). Pages through {@code allBuilds{M,N}} newest first and
     * stops at the first page reaching the watermark; on a server that rejects ranges (Hudson),
     * detected once, reads the unpaged {@code builds} list.
     */
    public List<JenkinsBuild> builds(BuildJob job, long sinceNumberExclusive) throws HarvestException {
        TreeMap<Long, JenkinsBuild> builds = new TreeMap<>();
        if (!Boolean.FALSE.equals(rangesSupported)) {
            Optional<JsonNode> first = firstPage(job);
            if (first.isPresent()) {
                JsonNode page = first.get();
                for (int start = 0; ; start += PAGE) {
                    if (start > 0) {
                        page = http.getJson(pageUrl(job, start));
                    }
                    if (!collect(job, array(page, "allBuilds"), sinceNumberExclusive, builds)) {
                        return List.copyOf(builds.values());
                    }
                }
            }
        }
        JsonNode all = http.getJson(api(job, "builds[" + BuildParser.FIELDS + "]"));
        collect(job, array(all, "builds"), sinceNumberExclusive, builds);
        return List.copyOf(builds.values());
    }

    /** The first page of {@code allBuilds}, or empty once the server is known to reject ranges. */
    private Optional<JsonNode> firstPage(BuildJob job) throws HarvestException {
        String url = pageUrl(job, 0);
        if (rangesSupported != null) {
            return Optional.of(http.getJson(url));
        }
        HttpAnswer probe;
        try {
            probe = http.getOnce(url);
        } catch (HarvestException e) {
            if (e.kind() != FailureKind.UNREACHABLE) {
                throw e;
            }
            probe = http.get(url); // a passing network failure, not an answer about ranges: retry
        }
        if (probe.status() == 500 && probe.body().contains("Malformed tree expression")) {
            rangesSupported = false;
            return Optional.empty();
        }
        if (probe.status() == 429 || probe.status() >= 500) {
            probe = http.get(url); // a passing failure, not an answer about ranges
        }
        JsonNode page = http.json(probe);
        if (!page.has("allBuilds")) { // Hudson has no allBuilds: answers {}
            rangesSupported = false;
            return Optional.empty();
        }
        rangesSupported = true;
        return Optional.of(page);
    }

    /** Adds the page's builds above the watermark; true when the next page may hold more. */
    private static boolean collect(
            BuildJob job, Iterable<JsonNode> page, long since, TreeMap<Long, JenkinsBuild> builds) {
        int count = 0;
        boolean reachedWatermark = false;
        for (JsonNode build : page) {
            count++;
            long number = number(build, "number", -1);
            if (number > since) {
                builds.put(number, BuildParser.parse(job.fullName(), build));
            } else {
                reachedWatermark = true;
            }
        }
        return count == PAGE && !reachedWatermark;
    }

    private String pageUrl(BuildJob job, int start) throws HarvestException {
        return api(job, "allBuilds[" + BuildParser.FIELDS + "]{" + start + "," + (start + PAGE) + "}");
    }

    /** The job's stored configuration ({@code config.xml}, needs the Extended Read permission). */
    public String configXml(BuildJob job) throws HarvestException {
        return http.getText(withSlash(job.url()) + "config.xml");
    }

    /** The git remote URLs of the job's configuration: on Hudson the only place they are. */
    public List<String> gitRemoteUrls(BuildJob job) throws HarvestException {
        return JobConfigParser.gitRemoteUrls(configXml(job), withSlash(job.url()) + "config.xml");
    }

    /**
     * Whether the server accepts ranges on {@code allBuilds}: empty until the first job's builds were
     * read.
     */
    public Optional<Boolean> rangesSupported() {
        return Optional.ofNullable(rangesSupported);
    }

    /** Requests made to this controller so far. */
    public long requestCount() {
        return http.requestCount();
    }

    /** The API URL of a job, or a failure naming the job when the server gave it no usable URL. */
    private static String api(BuildJob job, String tree) throws HarvestException {
        try {
            return api(job.url(), tree);
        } catch (HarvestException e) {
            throw new HarvestException(e.kind(), "job '" + job.fullName() + "': " + e.getMessage(), e);
        }
    }

    private static String api(String url, String tree) throws HarvestException {
        HttpUrl base = HttpUrl.parse(withSlash(url));
        if (base == null) {
            throw new HarvestException(
                    FailureKind.BAD_RESPONSE,
                    "the server gave a job URL that is not http(s): '" + UrlRedactor.redact(url) + "'");
        }
        return base.newBuilder()
                .addPathSegments("api/json")
                .addQueryParameter("tree", tree)
                .build()
                .toString();
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    /** Percent-decoding without {@code URLDecoder}'s {@code +} to space: job names may hold a plus. */
    static String decode(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < name.length()) {
            if (name.charAt(i) == '%'
                    && i + 2 < name.length()
                    && isHex(name.charAt(i + 1))
                    && isHex(name.charAt(i + 2))) {
                bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int next = name.indexOf('%', i + 1);
                int end = next < 0 ? name.length() : next;
                bytes.writeBytes(name.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A folder whose children need their own request. */
    private record Container(String url, String fullName) {}
}
