package dev.rebuildcauses.report.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of the dashboard's pages, downloads and API under one root ({@code /} for {@code serve},
 * the plugin's own path inside Jenkins). Names travel as query parameters, percent-encoded: a job name
 * may hold {@code /}, {@code %2F}, {@code ?}, {@code #} or markup, and reaches the handler unchanged.
 */
public final class Links {
    private final String root;

    /** Links under {@code root}, which ends with {@code /}. */
    public Links(String root) {
        if (!root.endsWith("/")) {
            throw new IllegalArgumentException("a root ends with /: " + root);
        }
        this.root = root;
    }

    public String overview() {
        return root;
    }

    public String jobs(JobsQuery query) {
        return root + "jobs" + query(jobsParameters(query, true));
    }

    public String job(String job) {
        return root + "job?name=" + encode(job);
    }

    public String build(String job, long number) {
        return root + "build?job=" + encode(job) + "&number=" + number;
    }

    public String cause(String cause) {
        return root + "cause?name=" + encode(cause);
    }

    /** The CSV download of a whole-instance table, e.g. {@code causes.csv}. */
    public String csv(String table) {
        return root + "csv/" + table;
    }

    /** The CSV download of one job's table. */
    public String jobCsv(String table, String job) {
        return root + "csv/" + table + "?job=" + encode(job);
    }

    /** The builds carrying a cause, as builds.csv. */
    public String causeCsv(String cause) {
        return root + "csv/builds.csv?cause=" + encode(cause);
    }

    /** The changed files of one build, as files.csv. */
    public String filesCsv(String job, long number) {
        return root + "csv/files.csv?job=" + encode(job) + "&number=" + number;
    }

    /** Every job the filters let through (every page), as jobs.csv. */
    public String jobsCsv(JobsQuery query) {
        return root + "csv/jobs.csv" + query(jobsParameters(query, false));
    }

    /** The JSON behind a page: its path under {@code api/}, same parameters. */
    public String api(String pageLink) {
        if (!pageLink.startsWith(root)) {
            throw new IllegalArgumentException("not a link of this dashboard: " + pageLink);
        }
        String rest = pageLink.substring(root.length());
        return root + "api/" + (rest.isEmpty() || rest.startsWith("?") ? "overview" + rest : rest);
    }

    /** A chart of the instance ({@code job} null) or of a job, as an SVG image. */
    public String chart(String job, String id) {
        return root + "chart.svg?id=" + encode(id) + (job == null ? "" : "&job=" + encode(job));
    }

    public String stylesheet(String name) {
        return root + "static/" + name;
    }

    private static List<String> jobsParameters(JobsQuery query, boolean paging) {
        List<String> parameters = new ArrayList<>();
        if (!query.folder().isEmpty()) {
            parameters.add("folder=" + encode(query.folder()));
        }
        if (!query.name().isEmpty()) {
            parameters.add("q=" + encode(query.name()));
        }
        if (query.since() != null) {
            parameters.add("since=" + query.since());
        }
        if (query.until() != null) {
            parameters.add("until=" + query.until());
        }
        JobsQuery defaults = JobsQuery.defaults();
        if (query.sort() != defaults.sort() || query.descending() != defaults.descending()) {
            parameters.add("sort=" + query.sort().parameter());
            parameters.add("dir=" + (query.descending() ? "desc" : "asc"));
        }
        if (paging && query.page() > 1) {
            parameters.add("page=" + query.page());
        }
        if (paging && query.size() != JobsQuery.DEFAULT_SIZE) {
            parameters.add("size=" + query.size());
        }
        return parameters;
    }

    private static String query(List<String> parameters) {
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    /** Percent-encodes a query parameter's value (a space as {@code %20}, so it reads the same in any decoder). */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
