package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.report.pages.JobsQuery;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads the jobs table's filters, order and page from a request's parameters (as {@code Links} writes them). */
final class JobsQueries {
    private JobsQueries() {}

    static JobsQuery from(Context ctx) {
        return new JobsQuery(
                ctx.queryParam("folder"),
                ctx.queryParam("q"),
                date(ctx, "since"),
                date(ctx, "until"),
                JobsQuery.Sort.of(ctx.queryParam("sort")),
                !"asc".equals(ctx.queryParam("dir")),
                number(ctx, "page", 1),
                number(ctx, "size", JobsQuery.DEFAULT_SIZE));
    }

    private static LocalDate date(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date like 2026-01-31");
        }
    }

    private static int number(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number");
        }
    }
}
