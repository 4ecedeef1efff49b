package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** Some rows of a {@link BuildTable} in a given order, as an immutable list of summaries made on access. */
final class BuildList extends AbstractList<BuildSummary> implements RandomAccess {
    private final BuildTable table;
    private final int[] rows;

    BuildList(BuildTable table, int[] rows) {
        this.table = table;
        this.rows = rows;
    }

    @Override
    public BuildSummary get(int index) {
        return table.summary(rows[index]);
    }

    @Override
    public int size() {
        return rows.length;
    }

    long number(int index) {
        return table.number(rows[index]);
    }

    /** The builds as mining and charts read them (see {@link BuildSummary#classified()}). */
    List<ClassifiedBuild> classified() {
        return new AbstractList<>() {
            @Override
            public ClassifiedBuild get(int index) {
                return BuildList.this.get(index).classified();
            }

            @Override
            public int size() {
                return rows.length;
            }
        };
    }

    /** The builds started within {@code [fromSecond, toSecond)} as mining reads them. */
    List<ClassifiedBuild> classifiedStartedWithin(long fromSecond, long toSecond) {
        List<ClassifiedBuild> inside = new java.util.ArrayList<>();
        for (int row : rows) {
            long at = table.startSeconds(row);
            if (at >= fromSecond && at < toSecond) {
                inside.add(table.summary(row).classified());
            }
        }
        return inside;
    }

    /** The earliest start, or {@code null} when empty. */
    Instant firstStart() {
        Instant first = null;
        for (int row : rows) {
            Instant at = table.startedAt(row);
            first = first == null || at.isBefore(first) ? at : first;
        }
        return first;
    }

    /** The latest start, or {@code null} when empty. */
    Instant lastStart() {
        Instant last = null;
        for (int row : rows) {
            Instant at = table.startedAt(row);
            last = last == null || at.isAfter(last) ? at : last;
        }
        return last;
    }
}
