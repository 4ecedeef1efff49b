package dev.rebuildcauses.report.pages;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * What the jobs table shows: filters, order and page, all of it kept in the page's address so a view can
 * be shared.
 *
 * @param folder only jobs in this folder or below it ({@code images} matches {@code images/base}), {@code ""} for all
 * @param name only jobs whose full name contains this text, ignoring case, {@code ""} for all
 * @param since first day included (UTC), or {@code null}
 * @param until last day included (UTC), or {@code null}
 * @param sort the column to order by
 * @param descending largest first
 * @param page the page, from 1
 * @param size rows per page
 */
public record JobsQuery(
        String folder,
        String name,
        LocalDate since,
        LocalDate until,
        Sort sort,
        boolean descending,
        int page,
        int size) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public JobsQuery {
        folder = folder == null ? "" : stripSlashes(folder.strip());
        name = name == null ? "" : name.strip();
        Objects.requireNonNull(sort, "sort");
        page = Math.max(1, page);
        size = size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** Every job, most hours first, first page. */
    public static JobsQuery defaults() {
        return new JobsQuery("", "", null, null, Sort.HOURS, true, 1, DEFAULT_SIZE);
    }

    /** The columns the table sorts by; the name is what the address carries. */
    public enum Sort {
        JOB,
        BUILDS,
        HOURS,
        CODE_ALONE,
        CADENCE,
        SAVING;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The sort a parameter names; {@code hours} for anything unknown. */
        public static Sort of(String parameter) {
            if (parameter == null) {
                return HOURS;
            }
            for (Sort sort : values()) {
                if (sort.parameter().equals(parameter)) {
                    return sort;
                }
            }
            return HOURS;
        }
    }

    /** Whether the builds are limited to a window. */
    public boolean hasWindow() {
        return since != null || until != null;
    }

    public boolean matches(String job) {
        if (!folder.isEmpty() && !(job.equals(folder) || job.startsWith(folder + "/"))) {
            return false;
        }
        return name.isEmpty() || job.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT));
    }

    public JobsQuery withPage(int newPage) {
        return new JobsQuery(folder, name, since, until, sort, descending, newPage, size);
    }

    /** Ordered by {@code column}: flipped when it already is, else largest first (names A to Z). */
    public JobsQuery sortedBy(Sort column) {
        boolean desc = column == sort ? !descending : column != Sort.JOB;
        return new JobsQuery(folder, name, since, until, column, desc, 1, size);
    }

    private static String stripSlashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '/') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(start, end);
    }
}
