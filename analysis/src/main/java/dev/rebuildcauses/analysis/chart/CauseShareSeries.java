package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 1: share of builds beside share of build hours, per cause, in the order of {@code causes.csv}
 * (hours, then builds, descending). With {@link Measure#BUILDS} there are no durations: builds only.
 */
public record CauseShareSeries(Measure measure, List<CauseShare> causes) implements ChartData {
    public CauseShareSeries {
        causes = List.copyOf(causes);
    }

    @Override
    public String id() {
        return "cause-shares";
    }

    @Override
    public String title() {
        return measure == Measure.HOURS
                ? "Share of builds and of build hours by cause"
                : "Share of builds by cause (no build durations known)";
    }

    @Override
    public String altText() {
        if (causes.isEmpty()) {
            return "No builds: no shares to show.";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(3, causes.size()); i++) {
            CauseShare row = causes.get(i);
            text.append(i == 0 ? "" : "; ")
                    .append(row.cause())
                    .append(' ')
                    .append(Cells.percent(row.buildsShare()))
                    .append(" of builds");
            if (measure == Measure.HOURS && row.hoursShare() != null) {
                text.append(" and ").append(Cells.percent(row.hoursShare())).append(" of build hours");
            }
        }
        return text.append(". A build with several causes counts under each, so shares add up to more than 100%.")
                .toString();
    }

    @Override
    public DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (CauseShare row : causes) {
            rows.add(List.of(
                    row.cause(),
                    Cells.count(row.builds()),
                    Cells.share(row.buildsShare()),
                    Cells.hours(row.hours()),
                    Cells.share(row.hoursShare())));
        }
        return new DataTable(List.of("cause", "builds", "builds_share", "hours", "hours_share"), rows);
    }

    @Override
    public boolean isEmpty() {
        return causes.isEmpty();
    }
}
