package dev.rebuildcauses.report.view;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence; Dockerfiles are small, so the quadratic table is cheap. */
public final class LineDiff {
    /** Past this many lines on either side the diff is every old line removed and every new line added. */
    static final int MAX_LINES = 4000;

    private LineDiff() {}

    public static List<DiffLine> of(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<DiffLine> diff = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                diff.add(new DiffLine('-', line));
            }
            for (String line : b) {
                diff.add(new DiffLine('+', line));
            }
            return diff;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new DiffLine(' ', a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new DiffLine('-', a[i++]));
            } else {
                diff.add(new DiffLine('+', b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new DiffLine('-', a[i++]));
        }
        while (j < b.length) {
            diff.add(new DiffLine('+', b[j++]));
        }
        return diff;
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String normal = text.replace("\r\n", "\n");
        if (normal.endsWith("\n")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return normal.split("\n", -1);
    }
}
