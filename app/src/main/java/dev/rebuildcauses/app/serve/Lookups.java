package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.report.pages.ReportIndex;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;

/** Finds what a request names, or answers 404 (400 for a malformed number). */
final class Lookups {
    private Lookups() {}

    static ReportIndex.JobEntry job(ReportIndex index, String name) {
        if (name == null) {
            throw new BadRequestResponse("which job? give ?name=");
        }
        return index.job(name).orElseThrow(() -> new NotFoundResponse("no job of that name in the store"));
    }

    static BuildSummary build(ReportIndex.JobEntry job, String number) {
        if (number == null) {
            throw new BadRequestResponse("which build? give &number=");
        }
        long parsed;
        try {
            parsed = Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("a build number is a whole number");
        }
        return job.build(parsed).orElseThrow(() -> new NotFoundResponse("no build of that number in this job"));
    }
}
