package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 2: one box per cause with known durations (box from the first to the third quartile,
 * median line, whiskers at the 10th and 90th percentiles, mean marked), in the order of {@code causes.csv}.
 *
 * @param buildsWithoutDuration builds left out because their duration is unknown
 */
public record DurationBoxes(List<DurationBox> boxes, long buildsWithoutDuration) implements ChartData {
    public DurationBoxes {
        boxes = List.copyOf(boxes);
    }

    @Override
    public String id() {
        return "durations";
    }

    @Override
    public String title() {
        return boxes.isEmpty()
                ? "Build duration by cause (no build durations known)"
                : "Build duration by cause (minutes)";
    }

    @Override
    public String altText() {
        if (boxes.isEmpty()) {
            return "No build has a known duration: no durations to show.";
        }
        DurationBox longest = boxes.get(0);
        for (DurationBox box : boxes) {
            if (box.medianMinutes() > longest.medianMinutes()) {
                longest = box;
            }
        }
        String text = String.format(
                "Builds with %s take longest: median %s minutes, 90th percentile %s minutes.",
                longest.cause(), Cells.minutes(longest.medianMinutes()), Cells.minutes(longest.p90Minutes()));
        return buildsWithoutDuration == 0
                ? text
                : text + " " + buildsWithoutDuration + " builds without a duration are left out.";
    }

    @Override
    public DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (DurationBox box : boxes) {
            rows.add(List.of(
                    box.cause(),
                    Cells.count(box.builds()),
                    Cells.minutes(box.minMinutes()),
                    Cells.minutes(box.p10Minutes()),
                    Cells.minutes(box.q1Minutes()),
                    Cells.minutes(box.medianMinutes()),
                    Cells.minutes(box.q3Minutes()),
                    Cells.minutes(box.p90Minutes()),
                    Cells.minutes(box.maxMinutes()),
                    Cells.minutes(box.meanMinutes())));
        }
        return new DataTable(
                List.of(
                        "cause",
                        "builds",
                        "min_min",
                        "p10_min",
                        "q1_min",
                        "median_min",
                        "q3_min",
                        "p90_min",
                        "max_min",
                        "mean_min"),
                rows);
    }

    @Override
    public boolean isEmpty() {
        return boxes.isEmpty();
    }
}
