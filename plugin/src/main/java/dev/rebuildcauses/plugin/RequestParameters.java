package dev.rebuildcauses.plugin;

import dev.rebuildcauses.report.pages.JobsQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * A request's query parameters (the first value of each), read as the dashboard's {@code Links} writes
 * them; a malformed value is a {@link BadRequest}.
 */
record RequestParameters(Map<String, String> values) {
    RequestParameters {
        values = Map.copyOf(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) throws BadRequest {
        return get(name).orElseThrow(() -> new BadRequest("give ?" + name + "="));
    }

    int page() throws BadRequest {
        return number("page", 1);
    }

    long buildNumber() throws BadRequest {
        try {
            return Long.parseLong(required("number").strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("a build number is a whole number");
        }
    }

    JobsQuery jobsQuery() throws BadRequest {
        return new JobsQuery(
                values.get("folder"),
                values.get("q"),
                date("since"),
                date("until"),
                JobsQuery.Sort.of(values.get("sort")),
                !"asc".equals(values.get("dir")),
                number("page", 1),
                number("size", JobsQuery.DEFAULT_SIZE));
    }

    private LocalDate date(String name) throws BadRequest {
        String text = values.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date like 2026-01-31");
        }
    }

    private int number(String name, int fallback) throws BadRequest {
        String text = values.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number");
        }
    }

    /** A request the pages cannot answer as asked (HTTP 400). */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
