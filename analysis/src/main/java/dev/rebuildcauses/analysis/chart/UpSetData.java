package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 3: the combinations of causes as an UpSet chart. One bar per exact combination, most builds
 * first, at most {@link ChartDataMiner#TOP_COMBINATIONS}; under the bars a matrix with one row per cause
 * ({@code causes}, most builds first) and a dot where the column's combination holds the cause.
 * The combinations left out are summed into {@code otherBuilds} and {@code otherHours}.
 *
 * @param otherCombinations how many combinations are left out
 * @param otherHours {@code null} without durations
 */
public record UpSetData(
        List<String> causes,
        List<UpSetColumn> columns,
        int otherCombinations,
        long otherBuilds,
        Double otherHours,
        long totalBuilds)
        implements ChartData {
    public UpSetData {
        causes = List.copyOf(causes);
        columns = List.copyOf(columns);
    }

    @Override
    public String id() {
        return "combinations";
    }

    @Override
    public String title() {
        return "Builds by exact combination of causes";
    }

    @Override
    public String altText() {
        if (columns.isEmpty()) {
            return "No builds: no combinations to show.";
        }
        UpSetColumn first = columns.get(0);
        long multi = 0;
        for (UpSetColumn column : columns) {
            if (column.causes().size() > 1) {
                multi += column.builds();
            }
        }
        return String.format(
                "The most frequent combination is %s with %d builds (%s of all builds); "
                        + "the %d combinations shown with more than one cause have %d builds.",
                first.causes().size() == 1
                        ? first.key() + " alone"
                        : first.key().replace(";", " + "),
                first.builds(),
                Cells.percent((double) first.builds() / totalBuilds),
                columns.stream().filter(c -> c.causes().size() > 1).count(),
                multi);
    }

    @Override
    public DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (UpSetColumn column : columns) {
            rows.add(List.of(
                    column.key(),
                    Cells.count(column.builds()),
                    Cells.share((double) column.builds() / totalBuilds),
                    Cells.hours(column.hours())));
        }
        if (otherCombinations > 0) {
            rows.add(List.of(
                    otherCombinations + " other combinations",
                    Cells.count(otherBuilds),
                    Cells.share((double) otherBuilds / totalBuilds),
                    Cells.hours(otherHours)));
        }
        return new DataTable(List.of("causes", "builds", "builds_share", "hours"), rows);
    }

    @Override
    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
